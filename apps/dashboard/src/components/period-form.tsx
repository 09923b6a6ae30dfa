import Link from "next/link";
import { PeriodField } from "./period-field";
import { overviewHref, type OverviewParams } from "@/lib/overview-params";

/** From/to filter of the overview: a plain GET form, so it works without JavaScript. */
export function PeriodForm({ params }: { params: OverviewParams }) {
  const filtered = Boolean(params.from || params.to);
  return (
    <form method="get" action="/" className="inline-form" aria-label="Period">
      <input type="hidden" name="level" value={params.level.param} />
      <input type="hidden" name="period" value={params.grain.param} />
      <PeriodField
        id="overview-from"
        name="from"
        label="From"
        defaultValue={params.from}
        hintId="overview-period-hint"
      />
      <PeriodField id="overview-to" name="to" label="To" defaultValue={params.to} hintId="overview-period-hint" />
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
