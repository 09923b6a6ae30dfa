import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { migrationsDir } from "../paths.ts";

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of migration.sql, as Prisma records it in `_prisma_migrations.checksum`. */
  checksum: string;
}

export function readMigrations(dir = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => statSync(`${dir}/${name}`).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(`${dir}/${name}/migration.sql`, "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}
