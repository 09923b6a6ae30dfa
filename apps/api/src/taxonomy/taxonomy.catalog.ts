import type { PrismaClient, Region, Sector } from "@dealgraph/db";

/**
 * The M49 region tree and the sector taxonomy are reference data that only migrations and the seed
 * change: the API holds them in memory, so resolving a deal's regions or a region's ancestors costs
 * no query.
 */
export class TaxonomyCatalog {
  private constructor(
    readonly regions: Map<string, Region>,
    readonly sectors: Map<string, Sector>,
    private readonly regionChildren: Map<string | null, Region[]>,
    private readonly sectorChildren: Map<string | null, Sector[]>,
  ) {}

  static async load(prisma: PrismaClient): Promise<TaxonomyCatalog> {
    const [regions, sectors] = await Promise.all([
      prisma.region.findMany({ orderBy: { name: "asc" } }),
      prisma.sector.findMany({ orderBy: { name: "asc" } }),
    ]);
    return new TaxonomyCatalog(
      new Map(regions.map((r) => [r.code, r])),
      new Map(sectors.map((s) => [s.code, s])),
      groupBy(regions, (r) => r.parentCode),
      groupBy(sectors, (s) => s.parentCode),
    );
  }

  region(code: string): Region | null {
    return this.regions.get(code) ?? null;
  }
  sector(code: string): Sector | null {
    return this.sectors.get(code) ?? null;
  }
  regionChildrenOf(code: string | null): Region[] {
    return this.regionChildren.get(code) ?? [];
  }
  sectorChildrenOf(code: string | null): Sector[] {
    return this.sectorChildren.get(code) ?? [];
  }
  /** From the root down to the region itself. */
  regionAncestry(code: string): Region[] {
    const region = this.region(code);
    if (!region) return [];
    return region.path.split("/").flatMap((c) => this.region(c) ?? []);
  }
  sectorAncestry(code: string): Sector[] {
    const sector = this.sector(code);
    if (!sector) return [];
    return sector.path.split("/").flatMap((c) => this.sector(c) ?? []);
  }
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}
