import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { ANALYST_KEY_FILE, API_PORT, API_URL, DASHBOARD_PORT } from "../playwright.config.ts";
import { api, screenshot, seededIds } from "./support.ts";

// Watchlists on the dashboard: made through the form, deals arriving live through the dashboard's own
// relay (the API key stays on its server), and what is new since the last visit.

/** Any Dealgraph API key, whoever it belongs to (the dashboard's own is never known to the tests). */
const ANY_KEY = /dg_[0-9a-f]{8}_[A-Za-z0-9_-]{43}/;
const API_ADDRESS = `127.0.0.1:${API_PORT}`;
const EUROPE = "150";
const GERMANY = "276";

function analystKey(): string {
  const key = readFileSync(ANALYST_KEY_FILE, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .findLast((line) => line.startsWith("dg_"));
  if (!key) throw new Error(`no key in ${ANALYST_KEY_FILE}`);
  return key;
}

/** A write through the API with the tests' ANALYST key (not the dashboard's). */
async function apiAs<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(API_URL, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${analystKey()}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** An accepted partnership in Germany (Europe) and logistics, between two seeded companies: it arrives at once. */
async function acceptDeal(title: string): Promise<string> {
  const { entity } = await seededIds();
  const bmw = await api<{ entities: { nodes: { id: string; name: string }[] } }>(
    `{ entities(filter: { search: "BMW Group" }) { nodes { id name } } }`,
  );
  const other = bmw.entities.nodes.find((node) => node.name === "BMW Group")?.id;
  if (!other) throw new Error("the seeded BMW Group is missing");
  const data = await apiAs<{ createDeal: { errors: { message: string }[]; deal: { id: string } | null } }>(
    `mutation ($input: CreateDealInput!) { createDeal(input: $input) { errors { message } deal { id } } }`,
    {
      input: {
        title,
        type: "STRATEGIC_PARTNERSHIP",
        status: "ANNOUNCED",
        reviewStatus: "ACCEPTED",
        participants: [
          { entityId: entity, role: "PARTNER" },
          { entityId: other, role: "PARTNER" },
        ],
        regionCodes: [GERMANY],
        sectorCodes: ["logistics"],
      },
    },
  );
  const id = data.createDeal.deal?.id;
  if (!id) throw new Error(`createDeal: ${JSON.stringify(data.createDeal.errors)}`);
  return id;
}

/** Creates a Europe + logistics watchlist through the dashboard's form; answers the page's path. */
async function createWatchlist(page: Page, name: string): Promise<string> {
  await page.goto("/watchlists");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Regions").selectOption([EUROPE]);
  await page.getByLabel("Sectors").selectOption(["logistics"]);
  await page.getByRole("button", { name: "Create watchlist" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Collects what the dashboard sends the browser (documents, scripts, RSC payloads; not the live stream). */
function recordResponses(page: Page): () => Promise<string[]> {
  const pending: Promise<string>[] = [];
  page.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (type.includes("text/event-stream") || !response.url().startsWith(`http://127.0.0.1:${DASHBOARD_PORT}`)) return;
    pending.push(
      response
        .text()
        .then((text) => `${response.url()}\n${text}`)
        .catch(() => ""),
    );
  });
  return () => Promise.all(pending);
}

test.describe("watchlists", () => {
  test("deals arrive live without a reload, and the visit is recorded", async ({ page }) => {
    const bodies = recordResponses(page);
    const name = `Europe logistics ${Date.now()}`;
    const path = await createWatchlist(page, name);
    await expect(page.getByText("Nothing new since your last visit.")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Live:" })).toBeVisible();
    const visit = page.locator("[data-visit-recorded]");
    await expect(visit).toHaveCount(1);
    const firstVisit = await visit.getAttribute("data-visit-recorded");

    // While the page stays open, a matching deal is accepted through the API.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    const first = `Live arrival ${Date.now()}`;
    await acceptDeal(first);
    const feed = page.locator('[aria-live="polite"]');
    await expect(feed.getByRole("link", { name: first })).toBeVisible();
    expect(await page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    await screenshot(page, "watchlist-live-arrival");

    // Seen live on a visible page: the visit is recorded again, so on reload it is no longer new.
    await expect(visit).not.toHaveAttribute("data-visit-recorded", firstVisit ?? "");
    await page.reload();
    await expect(page.getByRole("list", { name: "Earlier arrivals" }).getByRole("link", { name: first })).toBeVisible();
    await expect(page.getByRole("list", { name: "New since your last visit" })).toHaveCount(0);
    await expect(page.getByText("Nothing new since your last visit.")).toBeVisible();

    // A deal that arrives while nobody looks is new on the next visit, and counted in the list.
    await page.goto("/watchlists");
    const second = `Arrival while away ${Date.now()}`;
    await acceptDeal(second);
    await page.reload();
    const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(item.getByText("1 new")).toBeVisible();
    await screenshot(page, "watchlists-new-badge");
    await item.getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    const fresh = page.getByRole("list", { name: "New since your last visit" });
    await expect(fresh.getByRole("link", { name: second })).toBeVisible();
    await expect(fresh.getByText("New", { exact: true })).toBeVisible();
    await expect(fresh.getByRole("link", { name: first })).toHaveCount(0);
    await screenshot(page, "watchlist-new-since-visit");

    // Nothing the dashboard sent the browser holds a key or the API's address.
    const sent = await bodies();
    expect(sent.length).toBeGreaterThan(5);
    expect(sent.filter((body) => ANY_KEY.test(body)).map((body) => body.split("\n")[0])).toEqual([]);
    expect(sent.filter((body) => body.includes(API_ADDRESS)).map((body) => body.split("\n")[0])).toEqual([]);
  });

  test("the relay streams only what the page shows, and answers 404 for a watchlist that is not the dashboard's", async ({
    page,
    request,
  }) => {
    const path = await createWatchlist(page, `Relay ${Date.now()}`);
    await page.goto("/");

    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${DASHBOARD_PORT}${path}/events`, { signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = "";
    const readUntil = async (marker: string) => {
      const deadline = Date.now() + 10_000;
      while (!received.includes(marker)) {
        if (Date.now() > deadline) throw new Error(`no "${marker}" in: ${received}`);
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before "${marker}": ${received}`);
        received += decoder.decode(value, { stream: true });
      }
    };
    await readUntil("event: ready");
    const title = `Relayed ${Date.now()}`;
    const dealId = await acceptDeal(title);
    await readUntil("event: arrival");
    await readUntil("\n\n");
    abort.abort();

    const message = received.slice(received.indexOf("event: arrival")).split("\n\n")[0] ?? "";
    const data = JSON.parse(
      message
        .split("\n")
        .find((line) => line.startsWith("data: "))
        ?.slice(6) ?? "null",
    ) as {
      arrivedAt: string;
      deal: Record<string, unknown>;
    };
    expect(Object.keys(data).sort()).toEqual(["arrivedAt", "deal"]);
    expect(Object.keys(data.deal).sort()).toEqual([
      "announced",
      "id",
      "parties",
      "regions",
      "sectors",
      "status",
      "title",
      "type",
    ]);
    expect(data.deal).toMatchObject({
      id: dealId,
      title,
      regions: ["Germany"],
      parties: ["Alibaba Group", "BMW Group"],
    });
    expect(received).not.toMatch(ANY_KEY);
    expect(received).not.toContain(API_ADDRESS);

    // Another user's watchlist (the tests' key's) does not exist for the dashboard; nor does nonsense.
    const theirs = await apiAs<{ createWatchlist: { watchlist: { id: string } } }>(
      `mutation { createWatchlist(input: { name: "not the dashboard's" }) { watchlist { id } } }`,
      {},
    );
    const foreign = await request.get(`/watchlists/${encodeURIComponent(theirs.createWatchlist.watchlist.id)}/events`);
    expect(foreign.status()).toBe(404);
    expect((await request.get("/watchlists/nonsense/events")).status()).toBe(404);
    await page.goto("/watchlists/nonsense");
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  });
});

test.describe("a watchlist's webhook", () => {
  let answer = 500;
  const received: { signature: string; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ signature: String(req.headers["x-dealgraph-signature"] ?? ""), body });
      res.writeHead(answer).end();
    });
  });
  test.beforeAll(() => new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve)));
  test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  test("shows the secret once, logs failed deliveries and sends them again", async ({ page }) => {
    const { port } = receiver.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/hook`;
    await createWatchlist(page, `Webhook ${Date.now()}`);
    await page.getByLabel("URL", { exact: true }).fill(url);
    await page.getByRole("button", { name: "Set webhook" }).click();
    const secret =
      (await page
        .locator("code")
        .filter({ hasText: /^whsec_.{30,}$/ })
        .first()
        .textContent()) ?? "";
    expect(secret.length).toBeGreaterThan(20);
    await expect(page.getByText("X-Dealgraph-Signature: t=")).toBeVisible();
    await expect(page.getByRole("button", { name: "Replace webhook" })).toBeVisible();

    // The receiver fails: two attempts, then FAILED in the log.
    const title = `Hooked ${Date.now()}`;
    await acceptDeal(title);
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Failed", { timeout: 500 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByText(secret)).toHaveCount(0); // shown once only
    await screenshot(page, "watchlist-webhook-failed");

    answer = 200;
    await page.getByRole("button", { name: `Send again: ${title}` }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Delivered", { timeout: 500 });
    }).toPass({ timeout: 20_000 });

    // Every delivery is signed as the page says: HMAC-SHA256 of "<t>.<body>" under the secret shown.
    const last = received.at(-1);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(last?.signature ?? "") ?? [];
    expect(v1).toBe(createHmac("sha256", secret).update(`${t}.${last?.body}`).digest("hex"));
    expect(JSON.parse(last?.body ?? "{}")).toMatchObject({ deal: { title } });
    await screenshot(page, "watchlist-webhook-delivered");
  });
});

test.describe("the watchlist form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("shows errors beside the fields, keeps what was typed, then creates", async ({ page }) => {
    const name = `No-script ${Date.now()}`;
    await page.goto("/watchlists");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Companies").fill("Alibaba\nZzyzx Imaginary Holdings");
    await page.getByLabel("Regions").selectOption([EUROPE]);
    await page.getByRole("button", { name: "Create watchlist" }).click();

    const companies = page.getByLabel("Companies");
    await expect(companies).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#watchlist-companies-error")).toContainText("Zzyzx Imaginary Holdings");
    await expect(page.getByLabel("Name")).toHaveValue(name);
    await expect(companies).toHaveValue("Alibaba\nZzyzx Imaginary Holdings");
    await screenshot(page, "watchlist-form-errors");

    await companies.fill("Alibaba");
    await page.getByRole("button", { name: "Create watchlist" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("link", { name: "Alibaba Group" }).first()).toBeVisible();
    await expect(page.getByText("Live updates need JavaScript")).toBeVisible();
  });
});
