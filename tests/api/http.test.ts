import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadEnv } from "../../apps/api/src/env.ts";
import { createServer, type DealgraphServer } from "../../apps/api/src/server.ts";
import { useTestDatabase } from "../support/test-database.ts";

// The API over real HTTP: the playground, the GraphQL-over-HTTP basics, health and error masking.
const database = useTestDatabase("seeded");
let server: DealgraphServer;
let base: string;

beforeAll(async () => {
  server = await createServer(loadEnv({ SEED_ON_START: "false", APP_MODE: "demo", LOG_LEVEL: "silent" }), {
    db: database.db,
    logger: pino({ level: "silent" }),
  });
  base = await server.listen(0);
});
afterAll(() => server.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("the playground", () => {
  it("serves GraphiQL from local assets to a browser", async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("graphiql");
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
    expect(html).not.toMatch(/<link[^>]+href="https?:\/\//);
    expect(html).not.toContain("embeddable-sandbox");
  });
});

describe("GraphQL over HTTP", () => {
  it("answers a query with its request id and statement count", async () => {
    const response = await post(
      { query: `{ dealStats(groupBy: REGION, regionLevel: CONTINENT) { label count } }` },
      { "x-request-id": "req-123" },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-123");
    expect(Number(response.headers.get("x-sql-statements"))).toBeGreaterThan(0);
    const body = (await response.json()) as { data: { dealStats: { label: string; count: number }[] } };
    expect(body.data.dealStats).toEqual(
      expect.arrayContaining([
        { label: "Asia", count: 1 },
        { label: "Africa", count: 1 },
      ]),
    );
  });

  it("blocks a simple GET that could be a cross-site request (CSRF prevention)", async () => {
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(response.status).toBe(400);
  });

  it("answers a malformed query with a typed error, not a 500", async () => {
    const response = await post({ query: "{ deals(first: 5 { nodes } }" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; stacktrace?: unknown } }[] };
    expect(body.errors[0]?.extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors[0]?.extensions.stacktrace).toBeUndefined();
  });

  it("refuses a body over 1 MB", async () => {
    const response = await post({ query: `{ __typename }`, variables: { padding: "x".repeat(1_100_000) } });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
  });

  it("refuses a body that is not JSON without leaking a stack trace", async () => {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.js:\d+/);
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
  });
});

describe("health", () => {
  it("reports liveness and readiness", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
  });
});

describe("variables", () => {
  it("answers variables of the wrong type with BAD_USER_INPUT, also once the operation is compiled", async () => {
    const query = `query PageOfDeals($n: Int) { deals(first: $n) { totalCount } }`;
    // The second run compiles the operation (graphql-jit); the third must still be refused as bad input.
    for (let run = 0; run < 2; run += 1) expect((await post({ query, variables: { n: 5 } })).status).toBe(200);
    const refused = await post({ query, variables: { n: "five" } });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(body.errors[0]?.message).toMatch(/Variable "\$n" got invalid value/);
    const again = await post({ query, variables: { n: 2 } });
    expect(((await again.json()) as { data: { deals: { totalCount: number } } }).data.deals.totalCount).toBeGreaterThan(
      0,
    );
  });
});

describe("NUL characters", () => {
  it("are refused as bad input, in variables and in the query text", async () => {
    const inVariables = await post({
      query: `query($s: String) { entities(filter: { search: $s }) { totalCount } }`,
      variables: { s: "a\u0000b" },
    });
    expect(inVariables.status).toBe(400);
    const inQuery = await post({ query: `{ entities(filter: { search: "\\u0000" }) { totalCount } }` });
    expect(inQuery.status).toBe(400);
    expect(((await inQuery.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      "BAD_USER_INPUT",
    );
  });
});
