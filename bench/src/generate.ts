import { migratePostgres, openDatabase } from "@dealgraph/db";
import { seedReferenceData } from "@dealgraph/db/seed";
import pg from "pg";
import { CorpusSql, pickTablesSql } from "./corpus-sql.ts";
import {
  GENERATOR_VERSION,
  assertBenchDatabase,
  benchDatabaseName,
  readMarker,
  recreateDatabase,
  serverUrl,
  writeMarker,
  type CorpusMarker,
} from "./db.ts";
import { Corpus, SLOT_WIDTH } from "./synthetic.ts";

/** The tables the generator fills, in load order. */
const TABLES = [
  "entity",
  "entity_alias",
  "external_id",
  "article",
  "mention",
  "deal",
  "deal_participant",
  "deal_region",
  "deal_sector",
  "deal_article",
  "deal_status_change",
  "claim",
  "evidence",
  "audit_event",
] as const;

export interface TableLoad {
  table: string;
  rows: number;
  loadSeconds: number;
  indexSeconds: number;
}

export interface GenerateReport {
  database: string;
  url: string;
  scale: number;
  skipped: boolean;
  tables: TableLoad[];
  setupSeconds: number;
  vacuumSeconds: number;
  checkSeconds: number;
  totalSeconds: number;
  sizeBytes: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

interface SavedDdl {
  table: string;
  kind: "pk" | "index" | "fk";
  name: string;
  create: string;
}

/**
 * Bulk-load layout: drop foreign keys, primary keys and indexes of the generated tables (as
 * pg_dump restores do), load, then recreate each from its own catalog definition.
 */
async function dropConstraintsAndIndexes(client: pg.Client): Promise<SavedDdl[]> {
  const tables = [...TABLES];
  const constraints = await client.query<{ table: string; name: string; type: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c
     WHERE c.contype IN ('f', 'p', 'u')
       AND (c.conrelid::regclass::text = ANY($1) OR (c.contype = 'f' AND c.confrelid::regclass::text = ANY($1)))`,
    [tables],
  );
  const indexes = await client.query<{ table: string; name: string; def: string }>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i
     WHERE i.indrelid::regclass::text = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  const saved: SavedDdl[] = [
    ...constraints.rows.map((c) => ({
      table: c.table,
      kind: c.type === "f" ? ("fk" as const) : ("pk" as const),
      name: c.name,
      create: `ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.def}`,
    })),
    ...indexes.rows.map((i) => ({ table: i.table, kind: "index" as const, name: i.name, create: i.def })),
  ];
  for (const fk of saved.filter((s) => s.kind === "fk")) {
    await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  }
  for (const pk of saved.filter((s) => s.kind === "pk")) {
    await client.query(`ALTER TABLE ${pk.table} DROP CONSTRAINT "${pk.name}"`);
  }
  for (const index of saved.filter((s) => s.kind === "index")) await client.query(`DROP INDEX ${index.name}`);
  return saved;
}

async function count(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0]?.n ?? 0);
}

/** Offsets must hold: `text.slice(start, end) === quote` for evidence and mentions (sampled at scale). */
async function checkOffsets(client: pg.Client, sample: number): Promise<void> {
  const checks = [
    `SELECT count(*) AS bad FROM (SELECT * FROM evidence ORDER BY id LIMIT ${sample}) e JOIN article a ON a.id = e.article_id
     WHERE substr(a.text, e.start + 1, e."end" - e.start) <> e.quote`,
    `SELECT count(*) AS bad FROM (SELECT * FROM mention ORDER BY id LIMIT ${sample}) m JOIN article a ON a.id = m.article_id
     WHERE substr(a.text, m.start + 1, m."end" - m.start) <> m.text`,
    `SELECT count(*) AS bad FROM (SELECT * FROM evidence ORDER BY id LIMIT ${sample}) e JOIN article a ON a.id = e.article_id
     WHERE a.text !~ '^[\\x01-\\x7e]*$'`,
  ];
  for (const sql of checks) {
    const { rows } = await client.query<{ bad: string }>(sql);
    if (Number(rows[0]?.bad) !== 0) throw new Error(`Offset check failed (${rows[0]?.bad} rows): ${sql}`);
  }
}

export interface GenerateOptions {
  scale: number;
  regenerate?: boolean;
  log?: (line: string) => void;
}

/** Creates (or reuses) the benchmark database of a scale and fills it with the synthetic corpus. */
export async function generate({
  scale,
  regenerate = false,
  log = console.log,
}: GenerateOptions): Promise<GenerateReport> {
  const database = benchDatabaseName(scale);
  assertBenchDatabase(database);
  const url = serverUrl(database);
  const started = performance.now();
  const existing = await readMarker(database).catch(() => null);
  if (!regenerate && existing && existing.generator === GENERATOR_VERSION && existing.scale === scale) {
    log(
      `corpus: ${database} already holds scale ${scale} (generated ${existing.completedAt}); --regenerate to rebuild`,
    );
    return {
      database,
      url,
      scale,
      skipped: true,
      tables: Object.entries(existing.rows).map(([table, rows]) => ({ table, rows, loadSeconds: 0, indexSeconds: 0 })),
      setupSeconds: 0,
      vacuumSeconds: 0,
      checkSeconds: 0,
      totalSeconds: 0,
      sizeBytes: await databaseSize(database),
    };
  }

  log(`corpus: creating ${database} at scale ${scale}`);
  await recreateDatabase(database);
  await migratePostgres(url);
  const db = await openDatabase({ url, migrate: false, poolSize: 1 });
  try {
    await seedReferenceData(db.prisma);
  } finally {
    await db.close();
  }
  const setupSeconds = seconds(started);

  const corpus = new Corpus(scale);
  const sql = new CorpusSql(corpus);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables: TableLoad[] = [];
  try {
    await client.query(
      `SET synchronous_commit = off; SET jit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'`,
    );
    // The rollup triggers would refresh every deal once per loaded table: off for the load (as a
    // restore does), then one set-based rebuild below.
    await client.query(`SET session_replication_role = replica`);
    const prepared = performance.now();
    await client.query(pickTablesSql());
    const saved = await dropConstraintsAndIndexes(client);
    const { rows } = await client.query<{ deal_claims: number; unit_claims: number }>(sql.countsSql());
    log(`  setup ${setupSeconds.toFixed(1)} s, pick tables and dropping keys ${seconds(prepared).toFixed(1)} s`);
    const generalClaims = Math.max(1, corpus.sizes.claims - (rows[0]?.deal_claims ?? 0) - (rows[0]?.unit_claims ?? 0));

    const statements: Record<(typeof TABLES)[number], string> = {
      entity: sql.entities(),
      entity_alias: sql.aliases(),
      external_id: sql.externalIds(),
      article: sql.articles(),
      mention: sql.mentions(),
      deal: sql.deals(),
      deal_participant: sql.participants(),
      deal_region: sql.regions(),
      deal_sector: sql.sectors(),
      deal_article: sql.dealArticles(),
      deal_status_change: sql.statusChanges(),
      claim: sql.claims(generalClaims),
      evidence: sql.evidence(generalClaims),
      audit_event: sql.audit(),
    };
    for (const table of TABLES) {
      const t = performance.now();
      const result = await client.query(statements[table]);
      tables.push({ table, rows: result.rowCount ?? 0, loadSeconds: seconds(t), indexSeconds: 0 });
      log(`  ${table.padEnd(20)} ${String(result.rowCount).padStart(9)} rows  ${seconds(t).toFixed(1).padStart(6)} s`);
    }

    // Keys first (foreign keys need them), then indexes, then foreign keys (validated by PostgreSQL).
    for (const kind of ["pk", "index", "fk"] as const) {
      for (const ddl of saved.filter((s) => s.kind === kind)) {
        const t = performance.now();
        await client.query(ddl.create);
        const entry = tables.find((l) => l.table === ddl.table);
        if (entry) entry.indexSeconds += seconds(t);
      }
    }
    log(`  keys, indexes, foreign keys: ${tables.reduce((s, l) => s + l.indexSeconds, 0).toFixed(1)} s`);
    await client.query(`SET session_replication_role = origin`);
    const rebuilt = performance.now();
    await client.query(`SELECT deal_rollups_rebuild()`);
    for (const table of ["deal_fact", "deal_rollup", "deal_rollup_month"])
      tables.push({ table, rows: 0, loadSeconds: table === "deal_fact" ? seconds(rebuilt) : 0, indexSeconds: 0 });
    log(`  rollups (deal_rollups_rebuild): ${seconds(rebuilt).toFixed(1)} s`);
  } finally {
    await client.end();
  }

  const { vacuumSeconds, checkSeconds } = await vacuumAndCheck(url, scale, tables, log);
  const marker: CorpusMarker = {
    generator: GENERATOR_VERSION,
    scale,
    completedAt: new Date().toISOString(),
    rows: Object.fromEntries(tables.map((t) => [t.table, t.rows])),
  };
  await writeMarker(database, marker);
  const totalSeconds = seconds(started);
  log(`corpus: ${database} ready in ${totalSeconds.toFixed(1)} s (slot width ${SLOT_WIDTH})`);
  return {
    database,
    url,
    scale,
    skipped: false,
    tables,
    setupSeconds,
    vacuumSeconds,
    checkSeconds,
    totalSeconds,
    sizeBytes: await databaseSize(database),
  };
}

/** VACUUM ANALYZE (statistics and visibility maps, as a settled database has), offset checks, row counts. */
async function vacuumAndCheck(url: string, scale: number, tables: TableLoad[], log: (line: string) => void) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const t = performance.now();
    await admin.query(`VACUUM (ANALYZE)`);
    const vacuumSeconds = seconds(t);
    log(`  VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s`);
    const c = performance.now();
    await checkOffsets(admin, scale >= 1 ? 50_000 : 1_000_000);
    const checkSeconds = seconds(c);
    log(`  offset checks ${checkSeconds.toFixed(1)} s`);
    for (const entry of tables) entry.rows = await count(admin, entry.table);
    return { vacuumSeconds, checkSeconds };
  } finally {
    await admin.end();
  }
}

async function databaseSize(database: string): Promise<number> {
  const client = new pg.Client({ connectionString: serverUrl(database) });
  await client.connect();
  try {
    const { rows } = await client.query<{ size: string }>(`SELECT pg_database_size(current_database()) AS size`);
    return Number(rows[0]?.size ?? 0);
  } finally {
    await client.end();
  }
}
