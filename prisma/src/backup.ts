import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Database, SqlSession } from "./index.ts";

// Backups: pg_dump / pg_restore for PostgreSQL; for the embedded database, a dump of the data
// folder taken by the process that has it open (never a copy of a folder in use).

export function backupPostgres(url: string, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  execFileSync("pg_dump", ["--format=custom", "--no-owner", "--file", file, url], { stdio: "pipe" });
}

/** Restores into an existing (empty or not) database: objects in the dump replace their namesakes. */
export function restorePostgres(url: string, file: string): void {
  execFileSync(
    "pg_restore",
    ["--clean", "--if-exists", "--no-owner", "--exit-on-error", "--single-transaction", "--dbname", url, file],
    { stdio: "pipe" },
  );
}

/** Dumps an open embedded database (gzip tarball of its data folder). */
export async function backupPGlite(db: Database, file: string): Promise<void> {
  if (!db.pglite) throw new Error("backupPGlite needs the embedded database");
  const dump = await db.pglite.dumpDataDir("gzip");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/**
 * Restores an embedded database dump into `dataDir`, which nobody may have open. The folder that
 * was there is kept beside it (`<dataDir>.before-restore-<time>`).
 */
export async function restorePGlite(file: string, dataDir: string): Promise<string | null> {
  let kept: string | null = null;
  if (existsSync(dataDir)) {
    kept = `${dataDir}.before-restore-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
    renameSync(dataDir, kept);
  }
  mkdirSync(dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
  await pglite.query("SELECT 1");
  await pglite.close();
  return kept;
}

/** Row count and an order-independent checksum of every table, to compare a restore with its source. */
export async function tableFingerprints(
  session: SqlSession,
): Promise<Record<string, { rows: number; checksum: string }>> {
  const tables = await session.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: Record<string, { rows: number; checksum: string }> = {};
  for (const { table_name: table } of tables) {
    const [row] = await session.query<{ rows: number; checksum: string | null }>(
      `SELECT count(*)::int AS rows, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS checksum FROM "${table.replace(/"/g, '""')}" t`,
    );
    result[table] = { rows: row?.rows ?? 0, checksum: row?.checksum ?? "" };
  }
  return result;
}
