import type { FilterOptions } from "@/data/taxonomy";

/** Code → name for every region and sector of the filter options. */
export function taxonomyNames(options: FilterOptions): { region: Map<string, string>; sector: Map<string, string> } {
  const region = new Map<string, string>();
  for (const list of [options.continents, options.subRegions, options.intermediateRegions, options.countries]) {
    for (const item of list) region.set(item.code, item.name);
  }
  const sector = new Map<string, string>();
  for (const section of options.sectors) {
    sector.set(section.code, section.name);
    for (const child of section.children) sector.set(child.code, child.name);
  }
  return { region, sector };
}
