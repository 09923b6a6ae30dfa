import { describe, expect, it } from "vitest";
import { openDatabase } from "../index.ts";
import { applyMigrations, MigrationError } from "./apply.ts";
import { readMigrations } from "./files.ts";

describe("applyMigrations", () => {
  it("applies each migration once and refuses one edited after it was applied", async () => {
    const db = await openDatabase({ dataDir: "memory://", migrate: false });
    try {
      const migrations = readMigrations();
      expect(await applyMigrations(db.session, migrations)).toEqual(migrations.map((m) => m.name));
      expect(await applyMigrations(db.session, migrations)).toEqual([]);
      const [first, ...rest] = migrations;
      if (!first) throw new Error("no migrations");
      const edited = [{ ...first, checksum: "0".repeat(64) }, ...rest];
      await expect(applyMigrations(db.session, edited)).rejects.toBeInstanceOf(MigrationError);
      const tables = await db.session.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'deal'`,
      );
      expect(tables[0]?.n).toBe(1);
    } finally {
      await db.close();
    }
  });

  it("rolls a failing migration back entirely", async () => {
    const db = await openDatabase({ dataDir: "memory://", migrate: false });
    try {
      const broken = [
        { name: "20990101000000_broken", sql: "CREATE TABLE half_done (id int); SELECT 1/0;", checksum: "x" },
      ];
      await expect(applyMigrations(db.session, broken)).rejects.toThrow(/division by zero/);
      const tables = await db.session.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`,
      );
      expect(tables[0]?.n).toBe(0);
    } finally {
      await db.close();
    }
  });
});
