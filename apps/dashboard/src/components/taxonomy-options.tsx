import type { FilterOptions } from "@/data/taxonomy";

const INDENT = "\u00a0\u00a0\u00a0";

/** The M49 regions as `<option>`s grouped by level, for any region `<select>`. */
export function RegionOptions({ options }: { options: FilterOptions }) {
  const groups = [
    { label: "Continents", items: options.continents },
    { label: "Sub-regions", items: options.subRegions },
    { label: "Intermediate regions", items: options.intermediateRegions },
    { label: "Countries and areas", items: options.countries },
  ];
  return groups.map((group) => (
    <optgroup key={group.label} label={group.label}>
      {group.items.map((region) => (
        <option key={region.code} value={region.code}>
          {region.name}
        </option>
      ))}
    </optgroup>
  ));
}

/** The sectors as `<option>`s, each section followed by its themes, indented. */
export function SectorOptions({ options }: { options: FilterOptions }) {
  return options.sectors.map((section) => [
    <option key={section.code} value={section.code}>
      {section.name}
    </option>,
    ...section.children.map((child) => (
      <option key={child.code} value={child.code}>
        {`${INDENT}${child.name}`}
      </option>
    )),
  ]);
}
