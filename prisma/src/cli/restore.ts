import { restorePGlite, restorePostgres } from "../backup.ts";
import { dataDirOwner } from "../owner.ts";
import { databaseOptionsFromEnv } from "./env.ts";

// npm run db:restore -- <file> --yes
const file = process.argv[2];
if (!file || !process.argv.includes("--yes")) {
  console.error("Usage: npm run db:restore -- <file> --yes   (replaces the database's contents)");
  process.exit(1);
}
const options = databaseOptionsFromEnv();
if (options.url) {
  restorePostgres(options.url, file);
  console.log(`Restored ${file} into the PostgreSQL database.`);
} else if (options.dataDir) {
  const owner = dataDirOwner(options.dataDir);
  if (owner) {
    console.error(`Process ${owner.pid} has the embedded database open; stop it before restoring.`);
    process.exit(1);
  }
  const kept = await restorePGlite(file, options.dataDir);
  console.log(`Restored ${file} into ${options.dataDir}${kept ? `; the previous folder is kept at ${kept}` : ""}.`);
}
