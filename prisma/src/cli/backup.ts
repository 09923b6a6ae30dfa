import { openDatabase } from "../index.ts";
import { backupPGlite, backupPostgres } from "../backup.ts";
import { dataDirOwner } from "../owner.ts";
import { databaseOptionsFromEnv } from "./env.ts";

// npm run db:backup -- [file]   (default: ./backups/dealgraph-<time>.<dump|tar.gz>)
const options = databaseOptionsFromEnv();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const file =
  process.argv[2] ??
  new URL(`../../../backups/dealgraph-${stamp}.${options.url ? "dump" : "tar.gz"}`, import.meta.url).pathname;

if (options.url) {
  backupPostgres(options.url, file);
} else {
  const owner = options.dataDir ? dataDirOwner(options.dataDir) : null;
  if (owner) {
    // The running API has the folder open: it takes the dump itself.
    if (!owner.apiUrl) throw new Error(`Process ${owner.pid} has the database open; stop it or back up through it.`);
    const key = process.env.API_KEY;
    const response = await fetch(`${owner.apiUrl}/admin/backup`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ file }),
    });
    if (!response.ok) {
      console.error(
        `The running API (pid ${owner.pid}) refused the backup: ${response.status} ${await response.text()}`,
      );
      process.exit(1);
    }
  } else {
    const db = await openDatabase({ ...options, migrate: false });
    await backupPGlite(db, file);
    await db.close();
  }
}
console.log(`Backed up to ${file}`);
