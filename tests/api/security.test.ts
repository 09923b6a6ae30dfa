import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createApiKey } from "../../apps/api/src/auth/auth.service.ts";
import { loadEnv } from "../../apps/api/src/env.ts";
import { createServer, type DealgraphServer } from "../../apps/api/src/server.ts";
import { useTestDatabase } from "../support/test-database.ts";

// Production mode over HTTP: keys and roles, revocation, limits, rate limiting, no schema leaks.
const database = useTestDatabase("seeded");
let server: DealgraphServer;
let base: string;
const keys: Record<"viewer" | "analyst" | "admin", string> = { viewer: "", analyst: "", admin: "" };

beforeAll(async () => {
  server = await createServer(
    loadEnv({
      SEED_ON_START: "false",
      APP_MODE: "production",
      LOG_LEVEL: "silent",
      RATE_LIMIT_POINTS_PER_MINUTE: "100000",
    }),
    { db: database.db, logger: pino({ level: "silent" }) },
  );
  base = await server.listen(0);
  const system = { prisma: database.db.prisma, viewer: { actor: "system:test", role: "ADMIN" as const } };
  keys.viewer = (await createApiKey(system, { userName: "reader", role: "VIEWER", keyName: "test" })).key;
  keys.analyst = (await createApiKey(system, { userName: "curator", role: "ANALYST", keyName: "test" })).key;
  keys.admin = (await createApiKey(system, { userName: "admin", role: "ADMIN", keyName: "test" })).key;
});
afterAll(() => server.close());

async function gql(query: string, key?: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, body, headers: response.headers };
}

const CREATE_ENTITY = `mutation { createEntity(input: { kind: ORGANIZATION, name: "Fictional Tools" }) { entity { name } errors { code } } }`;

describe("keys and roles", () => {
  it("refuses requests without a key, or with an unknown one", async () => {
    expect((await gql(`{ deals { totalCount } }`)).status).toBe(401);
    const forged = await gql(`{ deals { totalCount } }`, "dg_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(forged.status).toBe(401);
    expect(forged.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lets a viewer read but not write", async () => {
    const read = await gql(`{ deals { totalCount } viewer { actor role } }`, keys.viewer);
    expect(read.body.data).toEqual({ deals: { totalCount: 2 }, viewer: { actor: "user:reader", role: "VIEWER" } });
    const write = await gql(CREATE_ENTITY, keys.viewer);
    expect(write.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await database.db.prisma.entity.count({ where: { name: "Fictional Tools" } })).toBe(0);
  });

  it("lets an analyst curate, and records the key's user in the audit log", async () => {
    const write = await gql(CREATE_ENTITY, keys.analyst);
    expect(write.body.data).toEqual({ createEntity: { entity: { name: "Fictional Tools" }, errors: [] } });
    const audit = await database.db.prisma.auditEvent.findFirst({
      where: { targetType: "Entity", action: "CREATE" },
      orderBy: { id: "desc" },
    });
    expect(audit?.actor).toBe("user:curator");
  });

  it("keeps key management to admins, shows a key once and stores only its hash", async () => {
    const mutation = `mutation { createApiKey(input: { userName: "robot", role: VIEWER, keyName: "ci" }) { key apiKey { prefix role } errors { code } } }`;
    expect((await gql(mutation, keys.analyst)).body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const created = await gql(mutation, keys.admin);
    const data = created.body.data as { createApiKey: { key: string; apiKey: { prefix: string } } };
    expect(data.createApiKey.key.startsWith(data.createApiKey.apiKey.prefix)).toBe(true);
    const stored = await database.db.prisma.apiKey.findUnique({ where: { prefix: data.createApiKey.apiKey.prefix } });
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(data.createApiKey.key);
    const listed = await gql(`{ apiKeys { prefix } }`, keys.admin);
    expect(JSON.stringify(listed.body)).not.toContain(data.createApiKey.key);
  });

  it("revokes a key with immediate effect", async () => {
    const system = { prisma: database.db.prisma, viewer: { actor: "system:test", role: "ADMIN" as const } };
    const { key, apiKey } = await createApiKey(system, { userName: "temp", role: "VIEWER", keyName: "soon revoked" });
    expect((await gql(`{ viewer { actor } }`, key)).status).toBe(200);
    const revoked = await gql(
      `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { revokedAt } errors { code } } }`,
      keys.admin,
      { id: apiKey.prefix },
    );
    expect(revoked.body.errors).toBeUndefined();
    expect((await gql(`{ viewer { actor } }`, key)).status).toBe(401);
  });
});

describe("production mode hides the schema", () => {
  it("refuses introspection and gives no field suggestions", async () => {
    const introspection = await gql(`{ __schema { types { name } } }`, keys.viewer);
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await gql(`{ deal { titel } }`, keys.viewer);
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
  });
});

describe("abuse limits", () => {
  it("refuses queries that are too deep, too aliased or too costly before running them", async () => {
    const deep = `{ entities { nodes { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } }`;
    expect((await gql(deep, keys.viewer)).body.errors?.[0]?.message).toMatch(/depth/i);
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: viewer { actor }`).join(" ")} }`;
    expect((await gql(aliases, keys.viewer)).body.errors?.[0]?.message).toMatch(/alias/i);
    const costly = `{ entities(first: 100) { nodes { deals(first: 100) { nodes { participants { entity { deals(first: 100) { nodes { claims { evidence { quote } } } } } } } } } } }`;
    const refused = await gql(costly, keys.viewer);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.message).toMatch(/cost|depth/i);
  });

  it("refuses more than 3,000 tokens", async () => {
    const long = `{ ${Array.from({ length: 3_100 }, () => "__typename").join(" ")} }`;
    const response = await gql(long, keys.viewer);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/token/i);
  });
});

describe("rate limits", () => {
  /** A server allowing 100 points a minute; `ask` sends a page of deals (34–50 points) with a key. */
  async function withLimitedServer(work: (ask: (key: string) => Promise<Response>) => Promise<void>) {
    const limited = await createServer(
      loadEnv({
        SEED_ON_START: "false",
        APP_MODE: "production",
        LOG_LEVEL: "silent",
        RATE_LIMIT_POINTS_PER_MINUTE: "100",
      }),
      { db: database.db, logger: pino({ level: "silent" }) },
    );
    const url = await limited.listen(0);
    try {
      await work((key) =>
        fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
          body: JSON.stringify({ query: `{ deals(first: 20) { nodes { title } } }` }),
        }),
      );
    } finally {
      await limited.close();
    }
  }

  it("answers 429 with Retry-After once a key spends its points", async () => {
    await withLimitedServer(async (ask) => {
      expect((await ask(keys.viewer)).status).toBe(200);
      expect((await ask(keys.viewer)).status).toBe(200);
      const third = await ask(keys.viewer);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await third.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
        "RATE_LIMITED",
      );
    });
  });

  it("holds a key with a budget of its own to that budget instead of the server's", async () => {
    const system = { prisma: database.db.prisma, viewer: { actor: "system:test", role: "ADMIN" as const } };
    const generous = await createApiKey(system, {
      userName: "dashboard",
      role: "ANALYST",
      keyName: "dashboard",
      ratePointsPerMinute: 1_000,
    });
    const strict = await createApiKey(system, {
      userName: "script",
      role: "VIEWER",
      keyName: "script",
      ratePointsPerMinute: 60,
    });
    await withLimitedServer(async (ask) => {
      // Two pages fit in the server's 100 points and a third does not; the generous key runs six.
      const statuses = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await ask(generous.key)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
      expect([(await ask(strict.key)).status, (await ask(strict.key)).status]).toEqual([200, 429]);
    });
  });

  it("lets an admin give a key its own budget, shows it in the key list and refuses a budget below 1", async () => {
    const create = (points: number) =>
      gql(
        `mutation($points: Int) { createApiKey(input: { userName: "board", role: VIEWER, keyName: "wall screen", ratePointsPerMinute: $points }) {
          apiKey { prefix ratePointsPerMinute } errors { code field } } }`,
        keys.admin,
        { points },
      );
    const refused = (await create(0)).body.data as {
      createApiKey: { apiKey: null; errors: { code: string; field: string[] }[] };
    };
    expect(refused.createApiKey.apiKey).toBeNull();
    expect(refused.createApiKey.errors[0]).toEqual({ code: "VALIDATION", field: ["input", "ratePointsPerMinute"] });
    expect(await database.db.prisma.apiKey.count({ where: { name: "wall screen" } })).toBe(0);
    const created = (await create(5_000)).body.data as {
      createApiKey: { apiKey: { prefix: string; ratePointsPerMinute: number } };
    };
    expect(created.createApiKey.apiKey.ratePointsPerMinute).toBe(5_000);
    const listed = (await gql(`{ apiKeys { prefix ratePointsPerMinute } }`, keys.admin)).body.data as {
      apiKeys: { prefix: string; ratePointsPerMinute: number | null }[];
    };
    expect(listed.apiKeys.find((k) => k.prefix === created.createApiKey.apiKey.prefix)?.ratePointsPerMinute).toBe(
      5_000,
    );
  });
});
