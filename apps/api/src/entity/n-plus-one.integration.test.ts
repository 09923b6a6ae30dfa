import { describe, expect, it } from "vitest";
import { useTestApi } from "../testing/api-harness.ts";
import { makeDeal, uniqueName } from "../testing/factories.ts";

// A nested query costs SQL statements by its depth, never by its page sizes.
const api = useTestApi("reference");

const NESTED = `query($first: Int!, $search: String!) {
  entities(first: $first, filter: { search: $search }) {
    nodes { name aliases { name } deals(first: 10) { totalCount nodes { title regions { name } sectors { name }
      participants { role entity { name units { name } } } } } }
  }
}`;

describe("N+1 guard", () => {
  it("issues the same number of statements for 2 entities as for 40", async () => {
    const tag = uniqueName("Nplus").replace(" ", "");
    await api.db.prisma.entity.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        kind: "ORGANIZATION" as const,
        name: `${tag} ${String(i).padStart(2, "0")}`,
        reviewStatus: "ACCEPTED" as const,
      })),
    });
    const entities = await api.db.prisma.entity.findMany({
      where: { name: { startsWith: tag } },
      orderBy: { name: "asc" },
    });
    for (let i = 0; i < 40; i += 1) {
      const partner = entities[(i + 1) % 40];
      const own = entities[i];
      if (own && partner) {
        await makeDeal(api.db.prisma, { parties: [own.id, partner.id] });
        await makeDeal(api.db.prisma, {
          parties: [own.id, partner.id],
          regionCodes: ["404"],
          sectorCodes: ["logistics"],
        });
      }
    }
    const small = await api.run<{ entities: { nodes: { deals: { nodes: unknown[] } }[] } }>(NESTED, {
      first: 2,
      search: tag,
    });
    const large = await api.run<{ entities: { nodes: { deals: { nodes: unknown[] } }[] } }>(NESTED, {
      first: 40,
      search: tag,
    });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.entities.nodes).toHaveLength(40);
    expect(large.data.entities.nodes.every((n) => n.deals.nodes.length === 4)).toBe(true);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(10);
  });
});
