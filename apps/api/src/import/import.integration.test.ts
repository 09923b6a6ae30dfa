import { describe, expect, it } from "vitest";
import { useTestApi } from "../testing/api-harness.ts";
import { makeEntity, tableCounts, uniqueName } from "../testing/factories.ts";
import { ACQUISITION_COLUMNS } from "./import.csv.ts";
import { syntheticAcquisitionsCsv } from "./import.generator.ts";
import { importDeals, type ImportOptions } from "./import.service.ts";

const api = useTestApi("reference");

const IMPORT = `mutation($input: ImportDealsInput!) { importDeals(input: $input) {
  summary { rows imported alreadyImported companiesCreated rejected { line message } warnings { line message } alertsRaised }
  errors { code field message } } }`;

const HEADER = ACQUISITION_COLUMNS.join(",");

type Row = Partial<Record<(typeof ACQUISITION_COLUMNS)[number], string>>;

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const line = (row: Row) => ACQUISITION_COLUMNS.map((column) => csvField(row[column] ?? "")).join(",");

/** A row with fresh fictional companies; override what a test needs. */
function row(overrides: Row = {}): Row {
  const company = uniqueName("Target Works").replace(" ", "-");
  const acquirer = uniqueName("Buyer Group").replace(" ", "-");
  return {
    company_permalink: `/organization/${company.toLowerCase()}`,
    company_name: company,
    company_category_list: "Logistics|Machine Learning|Curated Web",
    company_country_code: "KEN",
    company_city: "Nairobi",
    acquirer_permalink: `/organization/${acquirer.toLowerCase()}`,
    acquirer_name: acquirer,
    acquirer_category_list: "Finance",
    acquirer_country_code: "GBR",
    acquired_at: "2024-03-15",
    acquired_month: "2024-03",
    price_amount: "25000000",
    price_currency_code: "EUR",
    ...overrides,
  };
}

const run = (csv: string, options: ImportOptions = {}) =>
  importDeals({ prisma: api.db.prisma, catalog: api.server().catalog, viewer: { actor: "test:import" } }, csv, options);

async function dealOf(targetName: string) {
  return api.db.prisma.deal.findFirstOrThrow({
    where: { participants: { some: { role: "TARGET", entity: { name: targetName } } } },
    include: {
      participants: { include: { entity: { include: { externalIds: true } } } },
      regions: true,
      sectors: true,
      claims: true,
      statusHistory: true,
    },
  });
}

describe("importDeals", () => {
  it("imports good rows as accepted, completed acquisitions with parties, market, sectors and USD amounts", async () => {
    const good = row();
    const result = await run([HEADER, line(good)].join("\n"));
    expect(result).toMatchObject({ rows: 1, imported: 1, alreadyImported: 0, companiesCreated: 2, rejected: [] });
    const deal = await dealOf(good.company_name ?? "");
    expect(deal).toMatchObject({
      type: "ACQUISITION",
      status: "COMPLETED",
      reviewStatus: "ACCEPTED",
      announcedAtPrecision: "DAY",
      currency: "EUR",
      title: `${good.acquirer_name} acquires ${good.company_name}`,
    });
    expect(deal.announcedAt?.toISOString().slice(0, 10)).toBe("2024-03-15");
    expect(Number(deal.amount)).toBe(25_000_000);
    expect(Number(deal.amountUsd)).toBeGreaterThan(25_000_000); // EUR above USD in the rate table
    const roles = Object.fromEntries(deal.participants.map((p) => [p.role, p.entity]));
    expect(roles.ACQUIRER?.name).toBe(good.acquirer_name);
    expect(roles.TARGET?.externalIds.map((x) => [x.scheme, x.value])).toEqual([["PERMALINK", good.company_permalink]]);
    expect(roles.TARGET?.regionCode).toBe("404"); // a fact about the company
    expect(roles.ACQUIRER?.regionCode).toBe("826");
    // The market is the acquired company's country, not the buyer's.
    expect(deal.regions.map((r) => r.regionCode)).toEqual(["404"]);
    expect(deal.sectors.map((s) => s.sectorCode).sort()).toEqual(["artificial-intelligence", "logistics"]);
    expect(deal.statusHistory.map((s) => s.status)).toEqual(["COMPLETED"]);
    expect(deal.claims).toHaveLength(1);
    expect(deal.claims[0]).toMatchObject({ predicate: "ACQUIRED", method: "IMPORT", reviewStatus: "ACCEPTED" });
    expect(deal.claims[0]?.subjectId).toBe(roles.ACQUIRER?.id);
    expect(deal.claims[0]?.objectId).toBe(roles.TARGET?.id);
    // It counts at once in the curated lists.
    const listed = await api.query<{ deals: { totalCount: number } }>(
      `query($search: String!) { deals(filter: { search: $search, regionCode: "404", types: [ACQUISITION] }) { totalCount } }`,
      { search: good.company_name },
    );
    expect(listed.deals.totalCount).toBe(1);
  });

  it("matches companies by permalink, then by exact name, and creates the rest", async () => {
    const known = await makeEntity(api.db.prisma, { name: uniqueName("Known Holdings") });
    const first = row();
    await run([HEADER, line(first)].join("\n"));
    const again = row({
      acquirer_permalink: first.acquirer_permalink,
      acquirer_name: "A different spelling",
      company_permalink: "/organization/some-new-permalink-" + known.id.slice(0, 8),
      company_name: known.name,
    });
    const result = await run([HEADER, line(again)].join("\n"));
    expect(result).toMatchObject({ imported: 1, companiesCreated: 0 });
    const deal = await dealOf(known.name);
    const roles = Object.fromEntries(deal.participants.map((p) => [p.role, p.entity]));
    expect(roles.ACQUIRER?.name).toBe(first.acquirer_name); // found by permalink
    expect(roles.TARGET?.id).toBe(known.id); // found by name, and it keeps the permalink now
    expect(roles.TARGET?.externalIds.map((x) => x.value)).toEqual([again.company_permalink]);
  });

  it("reports bad rows with their line numbers and reasons, keeps the good ones, and adds nothing the second time", async () => {
    const spanning = row({ company_city: "Mombasa\nCoast Province", company_name: "" });
    spanning.company_name = uniqueName("Spanning, Ltd.");
    const good = [row(), spanning, row({ acquired_at: "", acquired_month: "2023-07" })];
    const csv = [
      HEADER, // 1
      line(good[0] ?? {}), // 2
      line(row({ acquired_at: "2024-02-30" })), // 3
      line(spanning), // 4–5 (a quoted field spans two lines)
      line(row({ company_name: "", company_permalink: "" })), // 6
      "", // 7: an empty line is skipped
      line(row({ price_currency_code: "XXX" })), // 8
      "only,three,fields", // 9
      line(row({ price_amount: "lots" })), // 10
      line(good[2] ?? {}), // 11
      line(row({ company_country_code: "ZZZ" })), // 12: kept, without a market
    ].join("\n");
    const before = await tableCounts(api.db.prisma);
    const result = await run(csv);
    expect(result.rejected).toEqual([
      { line: 3, message: 'acquired_at "2024-02-30" is not a date (YYYY-MM-DD)' },
      { line: 6, message: "company_name and company_permalink are both empty" },
      { line: 8, message: "no exchange rate for XXX" },
      { line: 9, message: "expected 18 fields, found 3" },
      { line: 10, message: 'price_amount "lots" is not an amount' },
    ]);
    expect(result.warnings).toEqual([{ line: 12, message: 'unknown company_country_code "ZZZ": no region for it' }]);
    expect(result).toMatchObject({ rows: 9, imported: 4, alreadyImported: 0 });
    const spanned = await dealOf(spanning.company_name);
    expect(spanned.participants.find((p) => p.role === "TARGET")?.entity.name).toBe(spanning.company_name);
    const monthly = await dealOf(good[2]?.company_name ?? "");
    expect(monthly.announcedAtPrecision).toBe("MONTH");

    const middle = await tableCounts(api.db.prisma);
    expect(middle.deal - before.deal).toBe(4);
    const second = await run(csv);
    expect(second).toMatchObject({ imported: 0, alreadyImported: 4, companiesCreated: 0 });
    expect(second.rejected).toHaveLength(5);
    expect(await tableCounts(api.db.prisma)).toEqual(middle);
  });

  it("reports a record the CSV reader cannot read and keeps the rows before it", async () => {
    const good = row();
    const result = await run([HEADER, line(good), `${line(row()).slice(0, 40)}"never closed,x`].join("\n"));
    expect(result.imported).toBe(1);
    expect(result.rows).toBe(2);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.line).toBe(3);
    expect(result.rejected[0]?.message).toMatch(/^unreadable CSV/);
  });

  it("counts a row repeated within the file once, and raises alerts only when asked", async () => {
    // A watchlist of acquisitions in Africa (the rows' target market is Kenya) hears of the loud import only.
    const owner = await api.db.prisma.user.create({
      data: { name: uniqueName("watcher").replace(" ", "-"), role: "VIEWER" },
    });
    const watchlist = await api.db.prisma.watchlist.create({
      data: { ownerId: owner.id, name: "African acquisitions", regionCodes: ["002"], dealTypes: ["ACQUISITION"] },
    });
    const arrivals = () => api.db.prisma.watchlistMatch.findMany({ where: { watchlistId: watchlist.id } });
    const one = row();
    const quiet = await run([HEADER, line(one), line(one)].join("\n"));
    expect(quiet).toMatchObject({ imported: 1, alreadyImported: 1, alertsRaised: false });
    expect(await arrivals()).toEqual([]);
    const loud = await run([HEADER, line(row()), line(row()), line(row({ company_country_code: "FRA" }))].join("\n"), {
      raiseAlerts: true,
    });
    expect(loud).toMatchObject({ imported: 3, alertsRaised: true });
    expect(await arrivals()).toHaveLength(2);
  });

  it("writes many rows in batches and imports a synthetic file again as nothing new", async () => {
    const csv = syntheticAcquisitionsCsv(600, 7);
    const first = await run(csv, { batchSize: 250 });
    expect(first).toMatchObject({ rows: 600, imported: 600, rejected: [] });
    const audit = await api.db.prisma.auditEvent.count({ where: { targetType: "DealImport" } });
    expect(audit).toBeGreaterThanOrEqual(3);
    const second = await run(csv, { batchSize: 250 });
    expect(second).toMatchObject({ rows: 600, imported: 0, alreadyImported: 600, companiesCreated: 0 });
  });
});

describe("importDeals mutation", () => {
  it("imports a CSV sent as text", async () => {
    const result = await api.query<{
      importDeals: { summary: { imported: number; rejected: unknown[] }; errors: unknown[] };
    }>(IMPORT, { input: { csv: [HEADER, line(row()), line(row({ acquired_at: "nope" }))].join("\n") } });
    expect(result.importDeals.errors).toEqual([]);
    expect(result.importDeals.summary).toMatchObject({
      imported: 1,
      rejected: [{ line: 3, message: 'acquired_at "nope" is not a date (YYYY-MM-DD)' }],
    });
  });

  it("refuses a file without the layout's header, an empty one and one over the size limit, changing nothing", async () => {
    const before = await tableCounts(api.db.prisma);
    const cases: [string, string][] = [
      ["name,country\nAcme,KEN", "The header lacks the columns"],
      ["", "must not be empty"],
      [`${HEADER}\n${line(row()).repeat(1)}\n${"x".repeat(900_001)}`, "must be at most 900000 characters"],
    ];
    for (const [csv, message] of cases) {
      const result = await api.query<{
        importDeals: { summary: null; errors: { field: string[]; message: string }[] };
      }>(IMPORT, { input: { csv } });
      expect(result.importDeals.summary).toBeNull();
      expect(result.importDeals.errors[0]?.field).toEqual(["input", "csv"]);
      expect(result.importDeals.errors[0]?.message).toContain(message);
    }
    expect(await tableCounts(api.db.prisma)).toEqual(before);
  });
});
