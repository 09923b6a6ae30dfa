import pg from "pg";

/** Only databases with this prefix are ever created or dropped by the benchmark. */
export const BENCH_PREFIX = "dealgraph_bench";

/** Bumped whenever the generator changes what it writes: a database of another version is regenerated. */
export const GENERATOR_VERSION = 1;

/** The PostgreSQL server the benchmark uses (trust auth on loopback by default). */
export function serverUrl(database = "postgres"): string {
  const url = new URL(process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${database}`;
  return url.toString();
}

/** `dealgraph_bench_0_01` for scale 0.01, `dealgraph_bench_1` for scale 1. */
export function benchDatabaseName(scale: number): string {
  return `${BENCH_PREFIX}_${String(scale).replace(".", "_")}`;
}

export function assertBenchDatabase(name: string): void {
  if (!name.startsWith(BENCH_PREFIX) || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Refusing to touch database "${name}": the benchmark only creates and drops ${BENCH_PREFIX}*`);
  }
}

/** Runs work on a short-lived client of the maintenance database. */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(name: string): Promise<void> {
  assertBenchDatabase(name);
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
}

/** What a completed generation leaves on its database (as the database's comment). */
export interface CorpusMarker {
  generator: number;
  scale: number;
  completedAt: string;
  rows: Record<string, number>;
}

export async function readMarker(name: string): Promise<CorpusMarker | null> {
  assertBenchDatabase(name);
  return withAdmin(async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    const comment = rows[0]?.comment;
    if (!comment) return null;
    try {
      return JSON.parse(comment) as CorpusMarker;
    } catch {
      return null;
    }
  });
}

export async function writeMarker(name: string, marker: CorpusMarker): Promise<void> {
  assertBenchDatabase(name);
  const text = JSON.stringify(marker).replace(/'/g, "''");
  await withAdmin((client) => client.query(`COMMENT ON DATABASE ${name} IS '${text}'`));
}
