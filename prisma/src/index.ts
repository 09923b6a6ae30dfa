import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Prisma, PrismaClient } from "../generated/client.ts";
import { applyMigrations, type SqlSession } from "./migrate/apply.ts";
import { claimDataDir, dataDirOwner } from "./owner.ts";
import { instrumentAdapter, recordStatement } from "./statements.ts";

export * from "../generated/client.ts";
export { toUsd, isKnownCurrency } from "./fx.ts";
export { cleanArticleText, contentHash } from "./article-text.ts";
export { countStatements, type StatementScope } from "./statements.ts";
export { claimDataDir, dataDirOwner, type OwnerNote } from "./owner.ts";
export { applyMigrations, MigrationError, type SqlSession } from "./migrate/apply.ts";

export type DatabaseKind = "postgres" | "pglite";

/**
 * Interactive transactions may wait 10 s for a connection and run 20 s (Prisma's defaults, 2 s and
 * 5 s, fail writes on a busy machine long before PostgreSQL's own 15 s statement timeout).
 */
const TRANSACTIONS = { maxWait: 10_000, timeout: 20_000 };

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Raw SQL on a connection of its own: migrations, maintenance and the odd multi-statement script. */
  session: SqlSession;
  /**
   * A read straight through the driver (the pool, or PGlite), counted like Prisma's statements:
   * for the API's hottest loaders, where Prisma's per-statement work (about 0.2–0.4 ms of CPU)
   * is most of a request's cost. Values come back as Prisma gives them, on both drivers (numeric
   * as `Prisma.Decimal`, date as UTC midnight, bigint as `bigint`); callers alias the columns to
   * the model's field names.
   */
  read<T>(query: ReadQuery, options?: ReadOptions): Promise<T[]>;
  /** The embedded database itself (PGlite only): snapshots and dumps go through it. */
  pglite?: PGlite;
  /** Connection pool figures (PostgreSQL only) for metrics. */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  /** Answers whether the database takes a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Parsers that make both drivers return what Prisma returns for the types where they differ from
 * it (or from each other): pg gives numeric and int8 as strings and a date at local midnight,
 * PGlite gives int8 as a number.
 */
const READ_PARSERS: Record<number, (value: string) => unknown> = {
  20: (value) => BigInt(value), // int8
  1082: (value) => new Date(`${value}T00:00:00Z`), // date
  1700: (value) => new Prisma.Decimal(value), // numeric
};
const pgReadTypes = {
  getTypeParser: (oid: number, format?: string) =>
    READ_PARSERS[oid] ?? pg.types.getTypeParser(oid, (format ?? "text") as "text"),
};

/** A parameterised statement: `Prisma.sql` gives one (`text` with $1… placeholders, `values`). */
export interface ReadQuery {
  text: string;
  values: unknown[];
}

export interface ReadOptions {
  /**
   * The text is one of a small fixed set (a loader's: the values vary, the text never does): a
   * named prepared statement, named after the text's hash. PostgreSQL parses it once per pooled
   * connection and, after five runs, keeps a generic plan where that plan costs no more than a
   * custom one. Parsing and planning were about half of the database's work on an entity page
   * (docs/benchmarks.md). PGlite runs it as any other read.
   */
  prepared?: boolean;
}

/** Names of prepared statements by text; a guard stops preparing if texts turn out not to be fixed. */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 500;

function preparedName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED) {
    name = `dg_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; without it, the embedded PGlite in `dataDir` is used. */
  url?: string;
  /** Folder of the embedded database; `memory://` for a throwaway one. */
  dataDir?: string;
  /** Start the embedded database from a `dumpDataDir` snapshot (tests clone a migrated template). */
  snapshot?: Blob;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  poolSize?: number;
  /** Per-statement timeout on PostgreSQL, in ms. */
  statementTimeoutMs?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (options.url) {
    if (migrate) await migratePostgres(options.url);
    return openPostgres(options.url, options);
  }
  const database = await openPGlite(options.dataDir ?? "memory://", options.snapshot);
  if (migrate) await applyMigrations(database.session);
  return database;
}

/** Migrations need one connection for their advisory lock and transactions. */
export async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await applyMigrations({
      async exec(sql) {
        await client.query(sql);
      },
      async query<T>(sql: string, params: unknown[] = []) {
        return (await client.query(sql, params)).rows as T[];
      },
    });
  } finally {
    await client.end();
  }
}

function openPostgres(url: string, options: OpenDatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    // Client-side too: a frozen server cannot enforce its own statement timeout.
    query_timeout: (options.statementTimeoutMs ?? 15_000) + 2_000,
  });
  // A dropped server connection must not crash the process: the query in flight (or the next one)
  // reports it. Idle clients report through the pool; checked-out ones through their own 'error'
  // event, which would otherwise be an uncaught exception when the server goes away mid-query.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const pingPool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
  pingPool.on("error", () => {});
  pingPool.on("connect", (client) => client.on("error", () => {}));
  const prisma = new PrismaClient({ adapter: instrumentAdapter(new PrismaPg(pool)), transactionOptions: TRANSACTIONS });
  const session: SqlSession = {
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
  };
  return {
    kind: "postgres",
    prisma,
    session,
    async read<T>(query: ReadQuery, options?: ReadOptions) {
      recordStatement();
      const name = options?.prepared ? preparedName(query.text) : undefined;
      return (await pool.query({ name, text: query.text, values: query.values, types: pgReadTypes })).rows as T[];
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    // Its own connection: when slow queries hold every pooled connection, the database is busy,
    // not down, and a ping queued behind them must not say otherwise.
    async ping(timeoutMs = 2_000) {
      return withTimeout(pingPool.query("SELECT 1"), timeoutMs);
    },
    async close() {
      await prisma.$disconnect();
      await Promise.all([pool.end(), pingPool.end()]);
    },
  };
}

async function openPGlite(dataDir: string, snapshot?: Blob): Promise<Database> {
  let release = () => {};
  if (!dataDir.startsWith("memory://")) {
    // One process at a time: a second one would corrupt the folder.
    const owner = dataDirOwner(dataDir);
    if (owner && owner.pid !== process.pid) {
      throw new Error(
        `The embedded database in ${dataDir} is open in process ${owner.pid}${owner.apiUrl ? ` (the API at ${owner.apiUrl})` : ""}; stop it first.`,
      );
    }
    mkdirSync(dataDir, { recursive: true });
    release = claimDataDir(dataDir, { pid: process.pid });
  }
  const pglite = await PGlite.create(dataDir, snapshot ? { loadDataDir: snapshot } : {});
  const prisma = new PrismaClient({
    adapter: instrumentAdapter(new PrismaPGlite(pglite)),
    transactionOptions: TRANSACTIONS,
  });
  const session: SqlSession = {
    async exec(sql) {
      await pglite.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pglite.query<T>(sql, params)).rows;
    },
  };
  return {
    kind: "pglite",
    prisma,
    pglite,
    poolStats: () => null,
    session,
    // PGlite runs one statement at a time and holds other queries back while a transaction is open.
    async read<T>(query: ReadQuery) {
      recordStatement();
      return (await pglite.query<T>(query.text, query.values, { parsers: READ_PARSERS })).rows;
    },
    async ping(timeoutMs = 2_000) {
      return withTimeout(session.query("SELECT 1"), timeoutMs);
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

async function withTimeout(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
