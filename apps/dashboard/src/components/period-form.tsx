import Link from "next/link";
import { overviewHref, type OverviewParams } from "@/lib/overview-params";
import { PERIOD_PATTERN } from "@/lib/search-params";

/** From/to filter of the overview: a plain GET form, so it works without JavaScript. */
export function PeriodForm({ params }: { params: OverviewParams }) {
  const filtered = Boolean(params.from || params.to);
  return (
    <form method="get" action="/" className="inline-form" aria-label="Period">
      <input type="hidden" name="level" value={params.level.param} />
      <input type="hidden" name="period" value={params.grain.param} />
      <div className="field">
        <label htmlFor="overview-from">From</label>
        <input
          id="overview-from"
          type="text"
          name="from"
          inputMode="numeric"
          placeholder="YYYY-MM"
          pattern={PERIOD_PATTERN}
          title="YYYY, YYYY-MM or YYYY-MM-DD"
          defaultValue={params.from ?? ""}
          aria-describedby="overview-period-hint"
        />
      </div>
      <div className="field">
        <label htmlFor="overview-to">To</label>
        <input
          id="overview-to"
          type="text"
          name="to"
          inputMode="numeric"
          placeholder="YYYY-MM"
          pattern={PERIOD_PATTERN}
          title="YYYY, YYYY-MM or YYYY-MM-DD"
          defaultValue={params.to ?? ""}
          aria-describedby="overview-period-hint"
        />
      </div>
      <button type="submit" className="button">
        Apply period
      </button>
      {filtered ? <Link href={overviewHref({ ...params, from: undefined, to: undefined })}>Show all time</Link> : null}
      <p id="overview-period-hint" className="muted" style={{ flexBasis: "100%", margin: 0, fontSize: "0.85rem" }}>
        By announcement date: a year (2025), a month (2025-03) or a day (2025-03-14).
      </p>
    </form>
  );
}
