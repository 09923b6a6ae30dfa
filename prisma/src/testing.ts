import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import pg from "pg";
import { openDatabase, type Database } from "./index.ts";
import { seed, seedReferenceData } from "./seed/index.ts";

/**
 * Test databases. The suite runs once per kind (TEST_DB=pglite | postgres). A global setup builds
 * two migrated templates per run: "reference" (taxonomies only) and "seeded" (plus the curated
 * articles); every test file then gets a private clone, so tests never share mutable rows and
 * never touch a developer's database.
 */
export type TestDatabaseKind = "pglite" | "postgres";
export type TemplateName = "reference" | "seeded";
export type TemplateRefs = Record<TemplateName, string>;

const PREFIX = "dealgraph_test_";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

/** Where the test PostgreSQL server is; only databases named dealgraph_test_* are ever created or dropped there. */
export function testServerUrl(database = "postgres"): string {
  const url = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${database}`;
  return url.toString();
}

function assertTestDatabaseName(name: string) {
  if (!name.startsWith(PREFIX) || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Refusing to touch database "${name}": test databases are named ${PREFIX}*`);
  }
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testServerUrl(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function fillTemplate(db: Database, name: TemplateName) {
  if (name === "seeded") await seed(db.prisma);
  else await seedReferenceData(db.prisma);
}

/** Global setup: builds the templates of this run and returns how to find them, plus a teardown. */
export async function prepareTemplates(
  kind: TestDatabaseKind,
): Promise<{ refs: TemplateRefs; teardown: () => Promise<void> }> {
  const run = randomBytes(4).toString("hex");
  const names: TemplateName[] = ["reference", "seeded"];
  if (kind === "pglite") {
    const refs = {} as TemplateRefs;
    for (const name of names) {
      const db = await openDatabase({ dataDir: "memory://" });
      await fillTemplate(db, name);
      const file = `${tmpdir()}/${PREFIX}${run}_${name}.tar`;
      writeFileSync(
        file,
        Buffer.from((await (await db.pglite?.dumpDataDir("none"))?.arrayBuffer()) ?? new ArrayBuffer(0)),
      );
      await db.close();
      refs[name] = file;
    }
    return { refs, teardown: async () => names.forEach((name) => rmSync(refs[name], { force: true })) };
  }
  const refs = {} as TemplateRefs;
  for (const name of names) {
    const database = `${PREFIX}${run}_tpl_${name}`;
    assertTestDatabaseName(database);
    await admin((client) => client.query(`CREATE DATABASE ${database}`));
    const db = await openDatabase({ url: testServerUrl(database), poolSize: 2 });
    await fillTemplate(db, name);
    await db.close();
    refs[name] = database;
  }
  return {
    refs,
    teardown: () =>
      admin(async (client) => {
        for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${refs[name]} WITH (FORCE)`);
      }),
  };
}

export interface TestDatabase extends Database {
  /** Closes and removes the clone. */
  drop(): Promise<void>;
  url?: string;
}

/** A private, migrated database cloned from a template of this run. */
export async function cloneTemplate(
  kind: TestDatabaseKind,
  refs: TemplateRefs,
  template: TemplateName,
): Promise<TestDatabase> {
  if (kind === "pglite") {
    const snapshot = new Blob([readFileSync(refs[template])]);
    const db = await openDatabase({ dataDir: "memory://", snapshot, migrate: false });
    return { ...db, drop: () => db.close() };
  }
  const database = `${PREFIX}${randomBytes(6).toString("hex")}`;
  assertTestDatabaseName(database);
  await admin((client) => client.query(`CREATE DATABASE ${database} TEMPLATE ${refs[template]}`));
  const url = testServerUrl(database);
  const db = await openDatabase({ url, migrate: false, poolSize: 5 });
  return {
    ...db,
    url,
    async drop() {
      await db.close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}
