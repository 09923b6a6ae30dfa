import Link from "next/link";
import type { DealMatrix } from "@/data/overview";
import { bucketLabel, formatCount, formatUsd } from "@/lib/format";

const OTHER = "other";

/** Five shades; the darker two carry white text (all pairs pass WCAG AA). */
function heatClass(count: number, max: number): string {
  if (count <= 0 || max <= 0) return "heat-0";
  const step = Math.ceil((count / max) * 4);
  return `heat-${Math.min(Math.max(step, 1), 4)}`;
}

/**
 * Region × sector counts as a real table: rows are regions, columns sectors, "Other" folds the rest.
 * A cell links to the deals of its region and sector; an "Other" side adds no filter on that side.
 */
export function Heatmap({
  matrix,
  cellHref,
  caption,
}: {
  matrix: DealMatrix;
  cellHref: (regionKey: string, sectorKey: string) => string;
  caption: string;
}) {
  const counts = new Map(matrix.cells.map((cell) => [`${cell.regionKey}|${cell.sectorKey}`, cell]));
  const max = matrix.cells.reduce((highest, cell) => Math.max(highest, cell.count), 0);
  const otherLabel = (key: string, label: string, side: string) => (key === OTHER ? `Other ${side}` : label);

  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="heatmap">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              Region <span aria-hidden="true">╲</span> sector
            </th>
            {matrix.sectors.map((sector) => (
              <th scope="col" key={sector.key}>
                {otherLabel(sector.key, sector.label, "sectors")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.regions.map((region) => (
            <tr key={region.key}>
              <th scope="row">{otherLabel(region.key, region.label, "regions")}</th>
              {matrix.sectors.map((sector) => {
                const cell = counts.get(`${region.key}|${sector.key}`);
                const count = cell?.count ?? 0;
                const name = `${otherLabel(region.key, region.label, "regions")} × ${otherLabel(sector.key, sector.label, "sectors")}`;
                const value = cell && cell.totalAmountUsd > 0 ? `, ${formatUsd(cell.totalAmountUsd)}` : "";
                return (
                  <td key={sector.key} className={heatClass(count, max)}>
                    {count > 0 ? (
                      <Link href={cellHref(region.key, sector.key)} aria-label={`${bucketLabel(name, count)}${value}`}>
                        {formatCount(count)}
                      </Link>
                    ) : (
                      <span>0</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
