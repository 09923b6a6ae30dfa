import { describe, expect, it } from "vitest";
import { toGlobalId } from "../common/relay.ts";
import { useTestApi, type Caller } from "../testing/api-harness.ts";
import { expectRefused } from "../testing/expect-refused.ts";
import { makeEntity, uniqueName } from "../testing/factories.ts";

const api = useTestApi("reference");

const WATCHLIST_FIELDS = `id name includeUnits dealTypes newArrivalCount
  entities { name } regions { code } sectors { code }
  arrivals(first: 10) { totalCount nodes { isNew deal { id title } } }`;
const CREATE = `mutation($input: WatchlistInput!) { createWatchlist(input: $input) {
  watchlist { ${WATCHLIST_FIELDS} } errors { code field message } } }`;
const UPDATE = `mutation($input: UpdateWatchlistInput!) { updateWatchlist(input: $input) {
  watchlist { id name } errors { code field message } } }`;
const SEEN = `mutation($id: ID!) { markWatchlistSeen(id: $id) { watchlist { newArrivalCount } errors { code } } }`;
const GET = `query($id: ID!) { watchlist(id: $id) { ${WATCHLIST_FIELDS} } }`;
const CREATE_DEAL = `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } errors { message } } }`;
const REVIEW = `mutation($input: ReviewDealInput!) { reviewDeal(input: $input) { auditEventId errors { message } } }`;
const UNDO = `mutation($input: UndoReviewInput!) { undoReview(input: $input) { errors { message } } }`;
const SET_WEBHOOK = `mutation($input: SetWebhookInput!) { setWatchlistWebhook(input: $input) {
  webhook { url secretPrefix } secret errors { code field message } } }`;

interface WatchlistView {
  id: string;
  name: string;
  newArrivalCount: number;
  arrivals: { totalCount: number; nodes: { isNew: boolean; deal: { id: string; title: string } }[] };
}

async function makeUser(role: "VIEWER" | "ANALYST" = "VIEWER"): Promise<Caller> {
  const user = await api.db.prisma.user.create({ data: { name: uniqueName("watcher").replace(" ", "-"), role } });
  return { actor: `user:${user.name}`, role, userId: user.id };
}

async function createWatchlist(owner: Caller, input: Record<string, unknown>) {
  const data = await api.query<{ createWatchlist: { watchlist: WatchlistView; errors: unknown[] } }>(
    CREATE,
    { input: { name: uniqueName("Watchlist"), ...input } },
    owner,
  );
  expect(data.createWatchlist.errors).toEqual([]);
  return data.createWatchlist.watchlist;
}

async function read(owner: Caller, id: string) {
  return (await api.query<{ watchlist: WatchlistView | null }>(GET, { id }, owner)).watchlist;
}

/** A proposed partnership in Kenya (Africa) on logistics between two new companies. */
async function proposeDeal(partyIds: string[], overrides: Record<string, unknown> = {}) {
  const data = await api.query<{ createDeal: { deal: { id: string } } }>(CREATE_DEAL, {
    input: {
      type: "STRATEGIC_PARTNERSHIP",
      status: "ANNOUNCED",
      title: uniqueName("Fictional partnership"),
      participants: partyIds.map((id) => ({ entityId: toGlobalId("Entity", id), role: "PARTNER" })),
      regionCodes: ["404"],
      sectorCodes: ["logistics"],
      reviewStatus: "PROPOSED",
      ...overrides,
    },
  });
  return data.createDeal.deal.id;
}

const review = async (id: string, decision: "ACCEPT" | "REJECT") =>
  (
    await api.query<{ reviewDeal: { auditEventId: string } }>(REVIEW, {
      input: { id, decision, ...(decision === "REJECT" ? { reason: "not a deal" } : {}) },
    })
  ).reviewDeal.auditEventId;

describe("watchlists", () => {
  it("belong to the key's user: anonymous readers have none, other users cannot see or change them", async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const watchlist = await createWatchlist(owner, { regionCodes: ["002"] });
    expect(await read(stranger, watchlist.id)).toBeNull();
    const anonymous = await api.run(CREATE, { input: { name: "mine" } }, { actor: "anonymous", role: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    await expectRefused(api, UPDATE, { input: { id: watchlist.id, name: "taken over" } }, "input.id", stranger);
    expect((await read(owner, watchlist.id))?.name).toBe(watchlist.name);
  });

  it("refuses unknown companies, regions, sectors and types, changing nothing", async () => {
    const owner = await makeUser();
    const missing = toGlobalId("Entity", "00000000-0000-4000-8000-000000000000");
    await expectRefused(api, CREATE, { input: { name: "x", regionCodes: ["999"] } }, "input.regionCodes.0", owner);
    await expectRefused(
      api,
      CREATE,
      { input: { name: "x", sectorCodes: ["astrology"] } },
      "input.sectorCodes.0",
      owner,
    );
    await expectRefused(api, CREATE, { input: { name: "x", entityIds: [missing] } }, "input.entityIds.0", owner);
    await expectRefused(api, CREATE, { input: { name: " " } }, "input.name", owner);
  });

  it("receive a deal when it is accepted, once, and count it as new until the owner's visit", async () => {
    const owner = await makeUser();
    const [a, b] = await Promise.all([makeEntity(api.db.prisma), makeEntity(api.db.prisma)]);
    if (!a || !b) throw new Error("no entities");
    const african = await createWatchlist(owner, { regionCodes: ["002"], sectorCodes: ["logistics"] });
    const european = await createWatchlist(owner, { regionCodes: ["150"] });
    const dealId = await proposeDeal([a.id, b.id]);
    expect((await read(owner, african.id))?.arrivals.totalCount).toBe(0);

    const accepted = await review(dealId, "ACCEPT");
    const afterAccept = await read(owner, african.id);
    expect(afterAccept).toMatchObject({ newArrivalCount: 1, arrivals: { totalCount: 1 } });
    expect(afterAccept?.arrivals.nodes[0]).toMatchObject({ isNew: true, deal: { id: dealId } });
    expect((await read(owner, european.id))?.arrivals.totalCount).toBe(0);

    const seen = await api.query<{ markWatchlistSeen: { watchlist: { newArrivalCount: number } } }>(
      SEEN,
      { id: african.id },
      owner,
    );
    expect(seen.markWatchlistSeen.watchlist.newArrivalCount).toBe(0);

    // The mark never moves back, and arrivals can be read from a moment on.
    const earlier = new Date(Date.now() - 3_600_000).toISOString();
    const kept = await api.query<{ markWatchlistSeen: { watchlist: { newArrivalCount: number } } }>(
      `mutation($id: ID!, $upTo: DateTimeISO) { markWatchlistSeen(id: $id, upTo: $upTo) { watchlist { newArrivalCount } } }`,
      { id: african.id, upTo: earlier },
      owner,
    );
    expect(kept.markWatchlistSeen.watchlist.newArrivalCount).toBe(0);
    const since = await api.query<{ watchlist: { arrivals: { totalCount: number } } }>(
      `query($id: ID!, $since: DateTimeISO) { watchlist(id: $id) { arrivals(since: $since) { totalCount } } }`,
      { id: african.id, since: new Date().toISOString() },
      owner,
    );
    expect(since.watchlist.arrivals.totalCount).toBe(0);

    // Undo takes the decision back but not the alert; accepting again raises nothing new.
    await api.query(UNDO, { input: { auditEventId: accepted } });
    await review(dealId, "ACCEPT");
    const again = await read(owner, african.id);
    expect(again).toMatchObject({ newArrivalCount: 0, arrivals: { totalCount: 1 } });
  });

  it("never receive rejected deals; a company's watchlist hears of its units' deals only when asked", async () => {
    const owner = await makeUser();
    const parent = await makeEntity(api.db.prisma);
    const unit = await makeEntity(api.db.prisma, { parentId: parent.id });
    const partner = await makeEntity(api.db.prisma);
    const withUnits = await createWatchlist(owner, { entityIds: [toGlobalId("Entity", parent.id)] });
    const withoutUnits = await createWatchlist(owner, {
      entityIds: [toGlobalId("Entity", parent.id)],
      includeUnits: false,
    });
    const rejected = await proposeDeal([parent.id, partner.id]);
    await review(rejected, "REJECT");
    const unitDeal = await proposeDeal([unit.id, partner.id]);
    await review(unitDeal, "ACCEPT");
    expect((await read(owner, withUnits.id))?.arrivals.nodes.map((n) => n.deal.id)).toEqual([unitDeal]);
    expect((await read(owner, withoutUnits.id))?.arrivals.totalCount).toBe(0);
  });

  it("follow a watched company into the one it was merged into", async () => {
    const owner = await makeUser();
    const [duplicate, survivor, partner] = await Promise.all([
      makeEntity(api.db.prisma),
      makeEntity(api.db.prisma),
      makeEntity(api.db.prisma),
    ]);
    const watchlist = await createWatchlist(owner, { entityIds: [toGlobalId("Entity", duplicate.id)] });
    await api.query(`mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { errors { message } } }`, {
      input: { sourceId: toGlobalId("Entity", duplicate.id), targetId: toGlobalId("Entity", survivor.id) },
    });
    const dealId = await proposeDeal([survivor.id, partner.id], { reviewStatus: "ACCEPTED" });
    expect((await read(owner, watchlist.id))?.arrivals.nodes.map((n) => n.deal.id)).toEqual([dealId]);
  });

  it("match deals by type, and a curator's deal created as accepted arrives at once", async () => {
    const owner = await makeUser();
    const [a, b] = await Promise.all([makeEntity(api.db.prisma), makeEntity(api.db.prisma)]);
    const ventures = await createWatchlist(owner, { dealTypes: ["JOINT_VENTURE"], regionCodes: ["404"] });
    await proposeDeal([a.id, b.id], { reviewStatus: "ACCEPTED" });
    const venture = await proposeDeal([a.id, b.id], { type: "JOINT_VENTURE", reviewStatus: "ACCEPTED" });
    expect((await read(owner, ventures.id))?.arrivals.nodes.map((n) => n.deal.id)).toEqual([venture]);
  });
});

describe("webhooks", () => {
  const REMOVE = `mutation($id: ID!) { removeWatchlistWebhook(watchlistId: $id) {
    webhook { disabledAt } errors { code message } } }`;
  const REDELIVER = `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { delivery { status } errors { code message } } }`;
  const LOG = `query($id: ID!) { watchlist(id: $id) { webhook { url disabledAt
    deliveries { nodes { id status lastError deal { id } } } } } }`;

  it("queue a delivery per arrival; removing the webhook fails what is pending and keeps the log", async () => {
    const owner = await makeUser();
    const [a, b] = await Promise.all([makeEntity(api.db.prisma), makeEntity(api.db.prisma)]);
    const watchlist = await createWatchlist(owner, { regionCodes: ["404"] });
    const set = await api.query<{
      setWatchlistWebhook: { secret: string; webhook: { url: string; secretPrefix: string } };
    }>(SET_WEBHOOK, { input: { watchlistId: watchlist.id, url: "https://93.184.216.34/hooks/deals" } }, owner);
    expect(set.setWatchlistWebhook.secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(set.setWatchlistWebhook.secret.startsWith(set.setWatchlistWebhook.webhook.secretPrefix)).toBe(true);
    const dealId = await proposeDeal([a.id, b.id], { reviewStatus: "ACCEPTED" });

    await api.query(REMOVE, { id: watchlist.id }, owner);
    type Log = {
      watchlist: {
        webhook: {
          disabledAt: string | null;
          deliveries: { nodes: { id: string; status: string; lastError: string; deal: { id: string } }[] };
        };
      };
    };
    const log = await api.query<Log>(LOG, { id: watchlist.id }, owner);
    expect(log.watchlist.webhook.disabledAt).not.toBeNull();
    expect(log.watchlist.webhook.deliveries.nodes).toEqual([
      expect.objectContaining({ status: "FAILED", lastError: "the webhook was removed", deal: { id: dealId } }),
    ]);
    const delivery = log.watchlist.webhook.deliveries.nodes[0]?.id;
    const again = await api.query<{ redeliverWebhook: { errors: { code: string }[] } }>(
      REDELIVER,
      { id: delivery },
      owner,
    );
    expect(again.redeliverWebhook.errors.map((e) => e.code)).toEqual(["CONFLICT"]);
    const stranger = await makeUser();
    const foreign = await api.query<{ redeliverWebhook: { errors: { code: string }[] } }>(
      REDELIVER,
      { id: delivery },
      stranger,
    );
    expect(foreign.redeliverWebhook.errors.map((e) => e.code)).toEqual(["NOT_FOUND"]);
  });
});

describe("webhook targets", () => {
  it.each([
    ["http://127.0.0.1:9/hook", "loopback"],
    ["http://localhost:9/hook", "a name that resolves to loopback"],
    ["http://[::1]:9/hook", "IPv6 loopback"],
    ["http://[::ffff:127.0.0.1]:9/hook", "IPv4-mapped loopback"],
    ["http://10.1.2.3/hook", "a private network"],
    ["http://192.168.1.10/hook", "a private network"],
    ["http://169.254.169.254/latest/meta-data", "the link-local metadata address"],
    ["http://0.0.0.0/hook", "the unspecified address"],
    ["ftp://example.com/hook", "a scheme other than http(s)"],
    ["http://user:secret@example.com/hook", "a URL with credentials"],
    ["not a url", "text that is no URL"],
  ])("refuses %s (%s) unless configuration allows it", async (url) => {
    const owner = await makeUser();
    const watchlist = await createWatchlist(owner, {});
    await expectRefused(api, SET_WEBHOOK, { input: { watchlistId: watchlist.id, url } }, "input.url", owner);
  });
});
