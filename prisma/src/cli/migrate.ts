import { applyMigrations, migratePostgres, openDatabase } from "../index.ts";
import { databaseOptionsFromEnv } from "./env.ts";

const options = databaseOptionsFromEnv();
const applied = options.url
  ? await migratePostgres(options.url)
  : await (async () => {
      const db = await openDatabase({ ...options, migrate: false });
      try {
        return await applyMigrations(db.session);
      } finally {
        await db.close();
      }
    })();
console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
