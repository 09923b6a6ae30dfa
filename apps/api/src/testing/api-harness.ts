import assert from "node:assert/strict";
import { countStatements, type Role } from "@dealgraph/db";
import type { TemplateName } from "@dealgraph/db/testing";
import { pino } from "pino";
import { afterAll, beforeAll } from "vitest";
import { useTestDatabase } from "../../../../tests/support/test-database.ts";
import { loadEnv } from "../env.ts";
import { createServer, type DealgraphServer } from "../server.ts";

export interface OperationResult<T> {
  data: T;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  /** SQL statements the operation sent. */
  statements: number;
}

/** Who runs an operation: by default a curator with the ADMIN role and no user row. */
export interface Caller {
  actor: string;
  role: Role | null;
  userId?: string;
}

/**
 * The real server (schema, context, loaders, error formatting) over a private test database,
 * driven through Apollo's executeOperation.
 */
export function useTestApi(template: TemplateName) {
  const database = useTestDatabase(template);
  const holder: { server?: DealgraphServer } = {};
  beforeAll(async () => {
    const env = loadEnv({ SEED_ON_START: "false", APP_MODE: "demo", LOG_LEVEL: "silent" });
    holder.server = await createServer(env, { db: database.db, logger: pino({ level: "silent" }) });
  });
  afterAll(async () => {
    await holder.server?.close();
  });
  const server = () => {
    if (!holder.server) throw new Error("The test API is not ready yet.");
    return holder.server;
  };

  /** Runs an operation; returns data and errors as a client would see them. */
  async function run<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as: Caller = { actor: "test:curator", role: "ADMIN" },
  ): Promise<OperationResult<T>> {
    const scope = { count: 0 };
    const contextValue = server().contextFor(as.actor, as.role, as.userId);
    const response = await countStatements(scope, () =>
      server().apollo.executeOperation({ query, variables }, { contextValue }),
    );
    assert.equal(response.body.kind, "single");
    const { data, errors } = response.body.singleResult;
    return { data: data as T, errors: errors as OperationResult<T>["errors"], statements: scope.count };
  }

  /** Runs an operation that must succeed without GraphQL errors. */
  async function query<T = Record<string, unknown>>(
    source: string,
    variables?: Record<string, unknown>,
    as?: Caller,
  ): Promise<T> {
    const result = await run<T>(source, variables, as);
    assert.deepEqual(result.errors, undefined, `GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  return {
    run,
    query,
    server,
    get db() {
      return database.db;
    },
  };
}
