import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../../apps/api/src/auth/auth.service.ts";
import { loadEnv } from "../../apps/api/src/env.ts";
import { createServer, type DealgraphServer } from "../../apps/api/src/server.ts";
import { useTestDatabase } from "../support/test-database.ts";

// Every line logged while serving a request names it, and no line holds a key.
const database = useTestDatabase("reference");
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean))
      lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
let server: DealgraphServer;
let url = "";
let key = "";

beforeAll(async () => {
  const env = loadEnv({ SEED_ON_START: "false", APP_MODE: "production", LOG_LEVEL: "info" });
  server = await createServer(env, { db: database.db, logger: pino({ level: "info" }, sink) });
  url = `${await server.listen(0)}/graphql`;
  key = (
    await createApiKey(
      { prisma: database.db.prisma, viewer: { actor: "test:setup", role: "ADMIN" } },
      { userName: "logging-test", role: "VIEWER", keyName: "logging" },
    )
  ).key;
});
afterAll(() => server.close());

const post = (body: unknown, headers: Record<string, string>) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...headers },
    body: JSON.stringify(body),
  });

describe("request logs", () => {
  it("name the request in every line, answer its id, and never log the key", async () => {
    const response = await post({ query: "{ regions(level: CONTINENT) { code } }" }, { "x-request-id": "log-test-1" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("log-test-1");
    const invented = await post({ query: "{ regions(level: CONTINENT) { code } }" }, { "x-request-id": "bad id!" });
    const inventedId = invented.headers.get("x-request-id") ?? "";
    expect(inventedId).toMatch(/^[0-9a-f-]{36}$/);

    // A rate-limited or failing request logs through the request's logger too: a malformed body.
    const malformed = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "log-test-2" },
      body: "{ not json",
    });
    expect(malformed.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const of = (id: string) => lines.filter((line) => line.requestId === id);
    expect(of("log-test-1")).toContainEqual(
      expect.objectContaining({ req: { method: "POST", path: "/graphql" }, res: { status: 200 } }),
    );
    expect(of(inventedId)).toHaveLength(1);
    expect(of("log-test-2")).toContainEqual(expect.objectContaining({ res: { status: 400 } }));
    const requestLines = lines.filter((line) => "req" in line || "res" in line);
    expect(requestLines.every((line) => typeof line.requestId === "string")).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(key);
  });
});
