import Link from "next/link";
import type { CompanyResolution } from "@/data/companies";
import type { FilterOptions } from "@/data/taxonomy";
import type { DealListParams } from "@/lib/deal-list-params";
import { PeriodField } from "./period-field";
import { DEAL_STATUSES, DEAL_TYPES, humanize } from "@/lib/enums";
import { RegionOptions, SectorOptions } from "./taxonomy-options";

/** Every deal filter as a plain GET form: the URL holds the view, and it works without JavaScript. */
export function DealFilterForm({
  params,
  options,
  company,
}: {
  params: DealListParams;
  options: FilterOptions;
  company: CompanyResolution;
}) {
  const companyText = company.selected?.name ?? params.company ?? "";

  return (
    <form method="get" action="/deals" aria-label="Deal filters" className="card">
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <div className="filters">
        <div className="field">
          <label htmlFor="filter-search">Text</label>
          <input
            id="filter-search"
            type="search"
            name="search"
            defaultValue={params.search ?? ""}
            aria-describedby="filter-search-hint"
          />
          <span id="filter-search-hint" className="hint">
            In titles, summaries and party names
          </span>
        </div>

        <div className="field">
          <label htmlFor="filter-region">Region</label>
          <select id="filter-region" name="regionCode" defaultValue={params.regionCode ?? ""}>
            <option value="">Any region</option>
            <RegionOptions options={options} />
          </select>
          <span className="hint">Includes the regions and countries within it</span>
        </div>

        <div className="field">
          <label htmlFor="filter-sector">Sector</label>
          <select id="filter-sector" name="sectorCode" defaultValue={params.sectorCode ?? ""}>
            <option value="">Any sector</option>
            <SectorOptions options={options} />
          </select>
          <span className="hint">A section includes its themes</span>
        </div>

        <div className="field">
          <label htmlFor="filter-company">Company</label>
          <input
            id="filter-company"
            type="search"
            name="company"
            defaultValue={companyText}
            autoComplete="off"
            aria-describedby="filter-company-hint"
          />
          <label className="check">
            <input type="checkbox" name="includeUnits" value="true" defaultChecked={params.includeUnits} />
            Include its units (subsidiaries)
          </label>
          <span id="filter-company-hint" className="hint">
            A name or alias, e.g. Alibaba
          </span>
        </div>

        <fieldset>
          <legend>Deal type</legend>
          <div className="checks">
            {DEAL_TYPES.map((type) => (
              <label className="check" key={type}>
                <input type="checkbox" name="types" value={type} defaultChecked={params.types.includes(type)} />
                {humanize(type)}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>Status</legend>
          <div className="checks">
            {DEAL_STATUSES.map((status) => (
              <label className="check" key={status}>
                <input
                  type="checkbox"
                  name="statuses"
                  value={status}
                  defaultChecked={params.statuses.includes(status)}
                />
                {humanize(status)}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>Announced</legend>
          <PeriodField id="filter-from" name="from" label="From" defaultValue={params.from} hintId="filter-date-hint" />
          <PeriodField id="filter-to" name="to" label="To" defaultValue={params.to} hintId="filter-date-hint" />
          <span id="filter-date-hint" className="hint">
            A year, month or day: 2025, 2025-03, 2025-03-14
          </span>
        </fieldset>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        <Link href="/deals">Clear all filters</Link>
      </div>
    </form>
  );
}
