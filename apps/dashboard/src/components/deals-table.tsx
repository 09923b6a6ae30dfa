import Link from "next/link";
import type { DealRow } from "@/data/deals";
import { dealListHref, type DealListParams, type SortKey } from "@/lib/deal-list-params";
import { humanize } from "@/lib/enums";
import { formatDate, formatMoney } from "@/lib/format";

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; firstDirection: "asc" | "desc"; numeric?: boolean }> = [
  { key: "title", label: "Deal", firstDirection: "asc" },
  { key: "announced", label: "Announced", firstDirection: "desc" },
  { key: "amount", label: "Amount", firstDirection: "desc", numeric: true },
  { key: "reported", label: "First reported", firstDirection: "desc" },
];

function SortableHeader({ column, params }: { column: (typeof COLUMNS)[number]; params: DealListParams }) {
  const active = params.sort === column.key;
  const nextDirection = active ? (params.dir === "asc" ? "desc" : "asc") : column.firstDirection;
  const href = dealListHref({ ...params, sort: column.key, dir: nextDirection, after: undefined });
  return (
    <th
      scope="col"
      className={column.numeric ? "num" : undefined}
      aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link href={href} className="sort-link">
        {column.label}
        <span className="visually-hidden">{`, sort ${nextDirection === "asc" ? "ascending" : "descending"}`}</span>
        <span className="sort-indicator" aria-hidden="true">
          {active ? (params.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

/** The filtered deals; headers sort through the URL. */
export function DealsTable({ deals, params }: { deals: readonly DealRow[]; params: DealListParams }) {
  const column = (key: SortKey) => COLUMNS.find((item) => item.key === key);
  const header = (key: SortKey) => {
    const found = column(key);
    return found ? <SortableHeader column={found} params={params} /> : null;
  };

  return (
    <div className="table-scroll" role="region" aria-labelledby="deals-table-caption" tabIndex={0}>
      <table className="deals-table">
        <caption id="deals-table-caption" className="visually-hidden">
          Deals
        </caption>
        <thead>
          <tr>
            {header("title")}
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Regions</th>
            <th scope="col">Sectors</th>
            {header("announced")}
            {header("amount")}
            {header("reported")}
          </tr>
        </thead>
        <tbody>
          {deals.map((deal) => (
            <tr key={deal.id}>
              <td>
                <Link href={`/deals/${encodeURIComponent(deal.id)}`}>{deal.title}</Link>
                <div className="muted" style={{ fontSize: "0.85rem" }}>
                  {deal.participants.map((party) => party.entity.name).join(" · ")}
                </div>
              </td>
              <td>{humanize(deal.type)}</td>
              <td>{humanize(deal.status)}</td>
              <td className="tags">{deal.regions.map((region) => region.name).join(", ") || "—"}</td>
              <td className="tags">{deal.sectors.map((sector) => sector.name).join(", ") || "—"}</td>
              <td>{deal.announced?.label ?? "—"}</td>
              <td className="num">{deal.amount ? formatMoney(deal.amount) : "—"}</td>
              <td>{formatDate(deal.firstReportedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
