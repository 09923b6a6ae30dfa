import { describe, expect, it } from "vitest";
import { toGlobalId } from "../common/relay.ts";
import { useTestApi } from "../testing/api-harness.ts";
import { expectRefused } from "../testing/expect-refused.ts";
import { makeEntity } from "../testing/factories.ts";

const api = useTestApi("reference");

const CREATE = `mutation($input: CreateDealInput!) { createDeal(input: $input) {
  deal { id status amount { amount currency amountUsd } statusHistory { status } regions { code } }
  errors { code field message } } }`;
const UPDATE = `mutation($input: UpdateDealInput!) { updateDeal(input: $input) {
  deal { id status statusHistory { status article { id } } sourceCount } errors { code field message } } }`;

async function parties() {
  const [a, b] = await Promise.all([makeEntity(api.db.prisma), makeEntity(api.db.prisma)]);
  return [
    { entityId: toGlobalId("Entity", a.id), role: "ACQUIRER" },
    { entityId: toGlobalId("Entity", b.id), role: "TARGET" },
  ];
}

function dealInput(participants: unknown[], overrides: Record<string, unknown> = {}) {
  return {
    type: "ACQUISITION",
    status: "ANNOUNCED",
    title: "Fictional acquisition",
    participants,
    regionCodes: ["250"],
    sectorCodes: ["semiconductors"],
    announced: { date: "2024-05-01", precision: "MONTH" },
    amount: { amount: 1_000_000, currency: "EUR" },
    ...overrides,
  };
}

describe("createDeal", () => {
  it("creates a deal, converts its amount to USD at its date, and starts its status history", async () => {
    const data = await api.query<{
      createDeal: { deal: { status: string; amount: { amountUsd: number }; statusHistory: { status: string }[] } };
    }>(CREATE, {
      input: dealInput(await parties()),
    });
    expect(data.createDeal.deal.amount.amountUsd).toBe(1_080_000);
    expect(data.createDeal.deal.statusHistory.map((s) => s.status)).toEqual(["ANNOUNCED"]);
  });

  it("refuses unknown regions and sectors, missing parties, bad dates and currencies", async () => {
    const p = await parties();
    await refusedInput(CREATE, dealInput(p, { regionCodes: ["999"] }), "input.regionCodes.0");
    await refusedInput(CREATE, dealInput(p, { sectorCodes: ["astrology"] }), "input.sectorCodes.0");
    await refusedInput(CREATE, dealInput([]), "input.participants");
    await refusedInput(
      CREATE,
      dealInput([{ entityId: toGlobalId("Entity", "00000000-0000-4000-8000-000000000000"), role: "TARGET" }]),
      "input.participants.0.entityId",
    );
    await refusedInput(
      CREATE,
      dealInput(p, { announced: { date: "2024-02-30", precision: "DAY" } }),
      "input.announced.date",
    );
    await refusedInput(CREATE, dealInput(p, { amount: { amount: 5, currency: "XXX" } }), "input.amount.currency");
    await refusedInput(CREATE, dealInput(p, { amount: { amount: -5, currency: "USD" } }), "input.amount.amount");
    await refusedInput(CREATE, dealInput(p, { title: "" }), "input.title");
  });
});

describe("updateDeal", () => {
  it("moves the status and keeps its history with the article behind it", async () => {
    const created = await api.query<{ createDeal: { deal: { id: string } } }>(CREATE, {
      input: dealInput(await parties()),
    });
    const article = await api.db.prisma.article.create({
      data: { title: "Later report", text: "The deal closed.", contentHash: `hash-${created.createDeal.deal.id}` },
    });
    const data = await api.query<{
      updateDeal: {
        deal: {
          status: string;
          statusHistory: { status: string; article: { id: string } | null }[];
          sourceCount: number;
        };
      };
    }>(UPDATE, {
      input: {
        id: created.createDeal.deal.id,
        status: "COMPLETED",
        statusArticleId: toGlobalId("Article", article.id),
      },
    });
    expect(data.updateDeal.deal.status).toBe("COMPLETED");
    expect(data.updateDeal.deal.statusHistory.map((s) => s.status)).toEqual(["ANNOUNCED", "COMPLETED"]);
    expect(data.updateDeal.deal.statusHistory[1]?.article?.id).toBe(toGlobalId("Article", article.id));
    expect(data.updateDeal.deal.sourceCount).toBe(1);
  });

  it("refuses an unknown deal and an unknown sector, changing nothing", async () => {
    const created = await api.query<{ createDeal: { deal: { id: string } } }>(CREATE, {
      input: dealInput(await parties()),
    });
    await refusedInput(
      UPDATE,
      { id: toGlobalId("Deal", "00000000-0000-4000-8000-000000000000"), status: "SIGNED" },
      "input.id",
    );
    await refusedInput(
      UPDATE,
      { id: created.createDeal.deal.id, status: "SIGNED", sectorCodes: ["nope"] },
      "input.sectorCodes.0",
    );
  });
});

describe("deleteDeal and restoreDeal", () => {
  it("hides a deleted deal from lists and aggregates, and restores it", async () => {
    const created = await api.query<{ createDeal: { deal: { id: string } } }>(CREATE, {
      input: dealInput(await parties(), { regionCodes: ["036"] }),
    });
    const count = async () =>
      (await api.query<{ deals: { totalCount: number } }>(`{ deals(filter: { regionCode: "036" }) { totalCount } }`))
        .deals.totalCount;
    expect(await count()).toBe(1);
    await api.query(`mutation($id: ID!) { deleteDeal(id: $id) { errors { code } } }`, {
      id: created.createDeal.deal.id,
    });
    expect(await count()).toBe(0);
    await refusedInput(
      `mutation($input: ID!) { deleteDeal(id: $input) { errors { field } } }`,
      created.createDeal.deal.id,
      "id",
    );
    await api.query(`mutation($id: ID!) { restoreDeal(id: $id) { errors { code } } }`, {
      id: created.createDeal.deal.id,
    });
    expect(await count()).toBe(1);
  });
});

const refusedInput = (mutation: string, input: unknown, field: string) =>
  expectRefused(api, mutation, { input }, field);
