import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@dealgraph/db";
import { backupPGlite, backupPostgres, restorePGlite, restorePostgres, tableFingerprints } from "@dealgraph/db/backup";
import { testDatabaseKind, testServerUrl } from "@dealgraph/db/testing";
import { useTestDatabase } from "../support/test-database.ts";

// The restore drill: back up a database with curated content, restore it elsewhere, and compare
// every table's row count and checksum.
const database = useTestDatabase("seeded");
const folder = mkdtempSync(join(tmpdir(), "dealgraph-backup-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe(`backup and restore (${testDatabaseKind()})`, () => {
  it("restores every row of every table", async () => {
    const source = database.db;
    await source.prisma.auditEvent.create({
      data: { actor: "test", action: "UPDATE", targetType: "Drill", targetId: "1", after: { note: "ünïcødé ✓" } },
    });
    const expected = await tableFingerprints(source.session);
    expect(expected.deal?.rows).toBe(2);
    expect(expected.evidence?.rows).toBeGreaterThan(25);

    if (testDatabaseKind() === "postgres") {
      const file = join(folder, "drill.dump");
      if (!source.url) throw new Error("no URL for the PostgreSQL clone");
      backupPostgres(source.url, file);
      const target = `dealgraph_test_restore_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: testServerUrl() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${target}`);
      try {
        restorePostgres(testServerUrl(target), file);
        const restored = await openDatabase({ url: testServerUrl(target), migrate: false, poolSize: 1 });
        expect(await tableFingerprints(restored.session)).toEqual(expected);
        await restored.close();
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
        await admin.end();
      }
    } else {
      const file = join(folder, "drill.tar.gz");
      await backupPGlite(source, file);
      const dataDir = join(folder, "restored");
      await restorePGlite(file, dataDir);
      const restored = await openDatabase({ dataDir, migrate: false });
      expect(await tableFingerprints(restored.session)).toEqual(expected);
      await restored.close();
    }
  });
});
