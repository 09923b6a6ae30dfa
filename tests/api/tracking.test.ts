import { createHmac } from "node:crypto";
import http from "node:http";
import { createClient, type Client } from "graphql-ws";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createApiKey } from "../../apps/api/src/auth/auth.service.ts";
import { loadEnv } from "../../apps/api/src/env.ts";
import { createServer, type DealgraphServer } from "../../apps/api/src/server.ts";
import { dropNamespace, REDIS_URL, redisAvailable, testNamespace } from "../support/redis.ts";
import { useTestDatabase } from "../support/test-database.ts";

// The tracking loop end to end, over HTTP and WebSocket against two API instances that share the
// database and Redis: articles come in through one, a watcher listens on the other, a curator
// accepts the deal, and both the live feed and the watchlist's webhook hear of it.
const database = useTestDatabase("reference");
const namespace = testNamespace();
const servers: DealgraphServer[] = [];
const urls: string[] = [];
const keys = { curator: "", watcher: "", stranger: "" };
let redisUp = false;

/** A webhook receiver on loopback that fails its first request, then accepts. */
const received: { headers: http.IncomingHttpHeaders; body: string; answered: number }[] = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    const answered = received.length === 0 ? 503 : 200;
    received.push({ headers: req.headers, body, answered });
    res.writeHead(answered).end();
  });
});
let receiverUrl = "";

beforeAll(async () => {
  redisUp = await redisAvailable("the tracking test across two instances");
  if (!redisUp) return;
  for (let i = 0; i < 2; i += 1) {
    const env = loadEnv({
      SEED_ON_START: "false",
      APP_MODE: "production",
      LOG_LEVEL: "silent",
      REDIS_URL,
      REDIS_NAMESPACE: namespace,
      WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8,::1/128",
      WEBHOOK_RETRY_BASE_MS: "100",
      WEBHOOK_POLL_MS: "200",
    });
    const server = await createServer(env, { db: database.db, logger: pino({ level: "silent" }) });
    servers.push(server);
    urls.push(`${await server.listen(0)}/graphql`);
  }
  const services = { prisma: database.db.prisma, viewer: { actor: "test:setup", role: "ADMIN" as const } };
  const key = async (userName: string, role: "ANALYST" | "VIEWER") =>
    (await createApiKey(services, { userName, role, keyName: "tracking test" })).key;
  keys.curator = await key("tracking-curator", "ANALYST");
  keys.watcher = await key("tracking-watcher", "VIEWER");
  keys.stranger = await key("tracking-stranger", "VIEWER");
  await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
  const address = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hooks/dealgraph`;
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  receiver.close();
  if (redisUp) await dropNamespace(namespace);
});

async function gql<T>(url: string, key: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

function subscriber(url: string, key: string | null): Client {
  return createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
  });
}

const DEAL_ADDED = `subscription($id: ID!) { dealAdded(watchlistId: $id) {
  watchlistId arrivedAt deal { id title status participants { entity { name } } regions { code } } } }`;

const ANNOUNCEMENT = `Zentaro Robotics and Quorvane Motors announce strategic partnership in Brazil

SAO PAULO — Zentaro Robotics, a warehouse automation start-up, and Quorvane Motors have announced a strategic partnership in Brazil to bring autonomous logistics robots to Quorvane's car plants, the companies said on Tuesday.

Share this article
Leave a Reply`;

const SIGNING = `Zentaro Robotics and Quorvane Motors sign partnership agreement

Zentaro Robotics and Quorvane Motors have signed their strategic partnership agreement in Brazil, months after first announcing the alliance. The deal covers automotive robotics in the country.`;

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  duplicate deals { id status reviewStatus sourceCount participants { entity { name } } regions { code } sectors { code } }
  errors { message } } }`;

interface IngestedDeal {
  id: string;
  status: string;
  reviewStatus: string;
  sourceCount: number;
  participants: { entity: { name: string } }[];
  regions: { code: string }[];
  sectors: { code: string }[];
}

const brazilCount = async (url: string) =>
  (
    await gql<{ dealStats: { key: string; count: number }[] }>(
      url,
      keys.watcher,
      `{ dealStats(groupBy: REGION, regionLevel: COUNTRY) { key count } }`,
    )
  ).dealStats.find((b) => b.key === "076")?.count ?? 0;

describe("tracking new deals", () => {
  it("ingests, joins the second report, and on acceptance reaches the charts, the live feed and the webhook", async ({
    skip,
  }) => {
    if (!redisUp) skip();
    const [a = "", b = ""] = urls;

    // A watcher keeps a watchlist of automotive deals in South America, with a webhook.
    const created = await gql<{ createWatchlist: { watchlist: { id: string } } }>(
      a,
      keys.watcher,
      `mutation($input: WatchlistInput!) { createWatchlist(input: $input) { watchlist { id } errors { message } } }`,
      { input: { name: "Automotive in South America", regionCodes: ["005"], sectorCodes: ["automotive"] } },
    );
    const watchlistId = created.createWatchlist.watchlist.id;
    const hook = await gql<{ setWatchlistWebhook: { secret: string; webhook: { url: string } } }>(
      a,
      keys.watcher,
      `mutation($input: SetWebhookInput!) { setWatchlistWebhook(input: $input) { secret webhook { url } errors { message } } }`,
      { input: { watchlistId, url: receiverUrl } },
    );
    const secret = hook.setWatchlistWebhook.secret;
    expect(secret).toMatch(/^whsec_/);

    // It listens on instance B.
    const live = subscriber(b, keys.watcher);
    const feed = live.iterate<{ dealAdded: { deal: { id: string; status: string } } }>({
      query: DEAL_ADDED,
      variables: { id: watchlistId },
    });
    const firstEvent = feed.next();
    await new Promise((resolve) => setTimeout(resolve, 500)); // the subscription reaches Redis

    // Two articles about one deal come in through instance A.
    const first = await gql<{ ingestArticle: { deals: IngestedDeal[] } }>(a, keys.curator, INGEST, {
      input: { title: "Zentaro and Quorvane team up", publishedAt: "2025-04-08", text: ANNOUNCEMENT },
    });
    const [proposed] = first.ingestArticle.deals;
    expect(proposed).toMatchObject({ status: "ANNOUNCED", reviewStatus: "PROPOSED", regions: [{ code: "076" }] });
    expect(proposed?.participants.map((p) => p.entity.name).sort()).toEqual(["Quorvane Motors", "Zentaro Robotics"]);
    expect(proposed?.sectors.map((s) => s.code)).toContain("automotive");
    const second = await gql<{ ingestArticle: { deals: IngestedDeal[] } }>(a, keys.curator, INGEST, {
      input: { title: "Zentaro and Quorvane sign", publishedAt: "2025-06-10", text: SIGNING },
    });
    expect(second.ingestArticle.deals).toHaveLength(1);
    expect(second.ingestArticle.deals[0]).toMatchObject({ id: proposed?.id, status: "SIGNED", sourceCount: 2 });

    // Accepting it counts it in the charts and announces it on the other instance.
    const before = await brazilCount(b);
    await gql(
      a,
      keys.curator,
      `mutation($input: ReviewDealInput!) { reviewDeal(input: $input) { errors { message } } }`,
      { input: { id: proposed?.id, decision: "ACCEPT" } },
    );
    expect(await brazilCount(b)).toBe(before + 1);
    const event = await Promise.race([
      firstEvent,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no dealAdded within 10 s")), 10_000)),
    ]);
    expect(event.value?.data?.dealAdded.deal).toMatchObject({ id: proposed?.id, status: "SIGNED" });
    await feed.return?.();
    await live.dispose();

    // The webhook failed once (503), was retried, and arrived signed.
    const deadline = Date.now() + 15_000;
    while (!received.some((r) => r.answered === 200) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(received.map((r) => r.answered)).toEqual([503, 200]);
    const delivered = received[1];
    if (!delivered) throw new Error("no delivery");
    const [, timestamp, signature] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(
      String(delivered.headers["x-dealgraph-signature"]),
    ) ?? [null, "", ""];
    const expected = createHmac("sha256", secret).update(`${timestamp}.${delivered.body}`).digest("hex");
    expect(signature).toBe(expected);
    const body = JSON.parse(delivered.body) as { event: string; deal: { id: string; status: string } };
    expect(body).toMatchObject({ event: "deal.added", deal: { id: proposed?.id, status: "SIGNED" } });
    expect(delivered.headers["x-dealgraph-delivery"]).toBe(received[0]?.headers["x-dealgraph-delivery"]);

    // The delivery log says so, and the arrival is new to the watcher until they mark it seen.
    const log = await gql<{
      watchlist: {
        newArrivalCount: number;
        webhook: { deliveries: { nodes: { status: string; attempts: number; responseStatus: number }[] } };
      };
    }>(
      b,
      keys.watcher,
      `query($id: ID!) { watchlist(id: $id) { newArrivalCount
        webhook { deliveries { nodes { status attempts responseStatus } } } } }`,
      { id: watchlistId },
    );
    expect(log.watchlist.newArrivalCount).toBe(1);
    expect(log.watchlist.webhook.deliveries.nodes).toEqual([{ status: "DELIVERED", attempts: 2, responseStatus: 200 }]);
  });

  it("refuses a subscription to someone else's watchlist, and one without a key", async ({ skip }) => {
    if (!redisUp) skip();
    const [a = "", b = ""] = urls;
    const created = await gql<{ createWatchlist: { watchlist: { id: string } } }>(
      a,
      keys.watcher,
      `mutation { createWatchlist(input: { name: "Private" }) { watchlist { id } errors { message } } }`,
    );
    const id = created.createWatchlist.watchlist.id;

    const stranger = subscriber(b, keys.stranger);
    const refused = await stranger.iterate({ query: DEAL_ADDED, variables: { id } }).next();
    expect(refused.value?.errors?.[0]).toMatchObject({
      message: expect.stringContaining("does not exist"),
      extensions: { code: "BAD_USER_INPUT" },
    });
    await stranger.dispose();

    // In production mode a connection without a key is closed at once (4403 Forbidden).
    const anonymous = subscriber(b, null);
    const closed = anonymous.iterate({ query: DEAL_ADDED, variables: { id } });
    await expect(closed.next()).rejects.toMatchObject({ code: 4403 });
    await anonymous.dispose();
  });
});

describe("subscriptions from the playground", () => {
  it("take the key from the operation's headers (GraphiQL's Headers tab) on a keyless connection", async () => {
    const env = loadEnv({ SEED_ON_START: "false", APP_MODE: "demo", LOG_LEVEL: "silent" });
    const demo = await createServer(env, { db: database.db, logger: pino({ level: "silent" }) });
    const url = `${await demo.listen(0)}/graphql`;
    try {
      const services = { prisma: database.db.prisma, viewer: { actor: "test:setup", role: "ADMIN" as const } };
      const watcher = (await createApiKey(services, { userName: "playground-watcher", role: "VIEWER", keyName: "t" }))
        .key;
      const curator = (await createApiKey(services, { userName: "playground-curator", role: "ANALYST", keyName: "t" }))
        .key;
      const created = await gql<{ createWatchlist: { watchlist: { id: string } } }>(
        url,
        watcher,
        `mutation { createWatchlist(input: { name: "Ventures in Kenya", regionCodes: ["404"], dealTypes: [JOINT_VENTURE] }) {
          watchlist { id } errors { message } } }`,
      );
      const id = created.createWatchlist.watchlist.id;
      const client = subscriber(url, null);
      const anonymous = await client.iterate({ query: DEAL_ADDED, variables: { id } }).next();
      expect(anonymous.value?.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED" });

      const feed = client.iterate<{ dealAdded: { deal: { id: string } } }>({
        query: DEAL_ADDED,
        variables: { id },
        extensions: { headers: { Authorization: `Bearer ${watcher}` } },
      });
      const next = feed.next();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const parties = await Promise.all(
        ["Umbriel Ventures", "Kestova Holdings"].map((name) =>
          database.db.prisma.entity.create({ data: { kind: "ORGANIZATION", name, reviewStatus: "ACCEPTED" } }),
        ),
      );
      const deal = await gql<{ createDeal: { deal: { id: string } } }>(
        url,
        curator,
        `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } errors { message } } }`,
        {
          input: {
            type: "JOINT_VENTURE",
            status: "ANNOUNCED",
            title: "Umbriel and Kestova form a joint venture",
            participants: parties.map((p) => ({
              entityId: Buffer.from(`Entity:${p.id}`).toString("base64url"),
              role: "PARTNER",
            })),
            regionCodes: ["404"],
            sectorCodes: ["logistics"],
          },
        },
      );
      const event = await Promise.race([
        next,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no dealAdded within 10 s")), 10_000)),
      ]);
      expect(event.value?.data?.dealAdded.deal.id).toBe(deal.createDeal.deal.id);
      await feed.return?.();
      await client.dispose();
    } finally {
      await demo.close();
    }
  });
});
