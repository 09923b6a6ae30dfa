import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../../apps/api/src/env.ts";
import { createServer, type DealgraphServer } from "../../apps/api/src/server.ts";
import { dropNamespace, REDIS_URL, redisAvailable, testNamespace } from "../support/redis.ts";
import { useTestDatabase } from "../support/test-database.ts";

// The rolling window behind the dashboard's "API health" page: two API instances sharing Redis
// report each other's traffic.
const database = useTestDatabase("reference");
const namespace = testNamespace();
let redisUp = false;
const servers: DealgraphServer[] = [];
const urls: string[] = [];

beforeAll(async () => {
  redisUp = await redisAvailable("the shared-window test");
  if (!redisUp) return;
  for (let i = 0; i < 2; i += 1) {
    const server = await createServer(
      loadEnv({ SEED_ON_START: "false", APP_MODE: "demo", LOG_LEVEL: "silent", REDIS_URL, REDIS_NAMESPACE: namespace }),
      { db: database.db, logger: pino({ level: "silent" }) },
    );
    servers.push(server);
    urls.push(`${await server.listen(0)}/graphql`);
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  if (redisUp) await dropNamespace(namespace);
});

const probe = (url: string, query = "query HealthProbe { regions(level: CONTINENT) { name } }") =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });

describe("API health window", () => {
  it("adds up the traffic of every instance sharing Redis", async ({ skip }) => {
    if (!redisUp) skip();
    const [a, b] = urls;
    if (!a || !b) throw new Error("servers missing");
    for (let i = 0; i < 3; i += 1) expect((await probe(a)).status).toBe(200);
    for (let i = 0; i < 2; i += 1) expect((await probe(b)).status).toBe(200);
    await probe(b, "query Broken { deals(first: 500) { totalCount } }");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [server] = servers;
    if (!server) throw new Error("no server");
    const result = await server.apollo.executeOperation(
      { query: `{ apiHealth(minutes: 5) { operation requests errors p95Ms series { requests } } }` },
      { contextValue: server.contextFor("test:ops", "ANALYST") },
    );
    const single = result.body.kind === "single" ? result.body.singleResult : null;
    const health = (
      single?.data as {
        apiHealth: {
          operation: string;
          requests: number;
          errors: number;
          p95Ms: number | null;
          series: { requests: number }[];
        }[];
      }
    ).apiHealth;
    const probeHealth = health.find((h) => h.operation === "HealthProbe");
    expect(probeHealth).toMatchObject({ requests: 5, errors: 0 });
    expect(probeHealth?.p95Ms).toBeGreaterThan(0);
    expect(probeHealth?.series).toHaveLength(5);
    expect(health.find((h) => h.operation === "Broken")).toMatchObject({ requests: 1, errors: 1 });
  });

  it("keeps the window to analysts", async () => {
    const [url] = urls;
    if (!url) return;
    const response = await probe(url, "{ apiHealth { operation } }");
    const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});
