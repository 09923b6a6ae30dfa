import type { Headline, RecentCounts } from "@/data/overview";
import { formatCount, formatDate, formatUsd, pluralize } from "@/lib/format";

/** The overview's headline figures, as a description list. */
export function HeadlineStats({
  headline,
  companies,
  recent,
  recentDays,
}: {
  headline: Headline;
  companies: number;
  recent: RecentCounts;
  recentDays: number;
}) {
  const since = formatDate(`${recent.since}T00:00:00Z`);
  const items: Array<{ label: string; value: string; note?: string }> = [
    { label: "Deals", value: formatCount(headline.deals) },
    {
      label: "Total value",
      value: headline.totalValueUsd > 0 ? formatUsd(headline.totalValueUsd) : "—",
      note: headline.totalValueUsd > 0 ? "disclosed amounts, in USD" : "no amount disclosed",
    },
    { label: "Companies involved", value: formatCount(companies) },
    {
      label: "Regions",
      value: formatCount(headline.regions),
      note: `in ${pluralize(headline.continents, "continent")}`,
    },
    { label: "Sectors", value: formatCount(headline.sectors) },
    {
      label: `Announced in the last ${recentDays} days`,
      value: formatCount(recent.byAnnouncement),
      note: `since ${since}`,
    },
    {
      label: `First reported in the last ${recentDays} days`,
      value: formatCount(recent.byFirstReport),
      note: `since ${since}`,
    },
  ];

  return (
    <dl className="stats">
      {items.map((item) => (
        <div className="stat" key={item.label}>
          <dt>
            {item.label}
            {item.note ? <span className="stat__note">{item.note}</span> : null}
          </dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
