import { Prisma } from "@dealgraph/db";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../../tests/support/test-database.ts";
import { ARTICLE_HEAD_COLUMNS, CLAIM_COLUMNS, DEAL_COLUMNS, ENTITY_COLUMNS } from "./columns.ts";

const database = useTestDatabase("seeded");

/**
 * Rows read through the driver with the column lists must be the rows Prisma reads: the same
 * field names, values and value types (Decimal, Date, bigint), on PGlite and on PostgreSQL.
 */
describe("model columns read through the driver", () => {
  it("give every entity, claim, article head and deal exactly as Prisma gives it", async () => {
    const { db } = database;
    const read = (sql: Prisma.Sql) => db.read<Record<string, unknown>>(sql, { prepared: true });
    const entities = await db.prisma.entity.findMany({ orderBy: { id: "asc" } });
    expect(await read(Prisma.sql`SELECT ${ENTITY_COLUMNS} FROM entity e ORDER BY e.id`)).toEqual(entities);
    const claims = await db.prisma.claim.findMany({ orderBy: { id: "asc" } });
    // The seeded claims include numbers, dates, money and qualifiers: every column type is covered.
    expect(claims.some((c) => c.valueNumber !== null && c.valueDate === null)).toBe(true);
    expect(await read(Prisma.sql`SELECT ${CLAIM_COLUMNS} FROM claim c ORDER BY c.id`)).toEqual(claims);
    const articles = await db.prisma.article.findMany({ orderBy: { id: "asc" }, omit: { text: true } });
    expect(await read(Prisma.sql`SELECT ${ARTICLE_HEAD_COLUMNS} FROM article a ORDER BY a.id`)).toEqual(articles);
    const deals = await db.prisma.deal.findMany({ orderBy: { id: "asc" } });
    // A date column (announced_at) with values.
    expect(deals.some((d) => d.announcedAt !== null)).toBe(true);
    expect(await read(Prisma.sql`SELECT ${DEAL_COLUMNS} FROM deal d ORDER BY d.id`)).toEqual(deals);
    expect(entities.length * claims.length * articles.length * deals.length).toBeGreaterThan(0);
  });
});
