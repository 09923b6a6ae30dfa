import { rmSync } from "node:fs";
import pg from "pg";
import { openDatabase } from "../index.ts";
import { seed } from "../seed/index.ts";
import { databaseOptionsFromEnv } from "./env.ts";

// Drops everything and starts again from the migrations and the seed: for a developer's own
// database only. Refuses without --yes.
if (!process.argv.includes("--yes")) {
  console.error("This deletes every row. Run again with: npm run db:reset -- --yes");
  process.exit(1);
}
const options = databaseOptionsFromEnv();
if (options.url) {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await client.end();
} else if (options.dataDir) {
  rmSync(options.dataDir, { recursive: true, force: true });
}
const db = await openDatabase(options);
const { inserted } = await seed(db.prisma);
console.log(`Reset ${db.kind} database; seeded ${inserted} rows.`);
await db.close();
