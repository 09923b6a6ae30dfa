import type { Metadata } from "next";
import Link from "next/link";
import { ApiUnavailable } from "@/components/api-unavailable";
import { DealFilterForm } from "@/components/deal-filter-form";
import { DealsTable } from "@/components/deals-table";
import { loadDealList } from "@/data/deal-list";
import { dealListHref, hasFilters, parseDealListParams, type DealListParams } from "@/lib/deal-list-params";
import { humanize } from "@/lib/enums";
import { pluralize } from "@/lib/format";
import { ApiError, whenApiReachable } from "@/lib/graphql";
import type { SearchParams } from "@/lib/search-params";
import { taxonomyNames } from "@/lib/taxonomy-names";

export const metadata: Metadata = { title: "Deals" };

/** "Region: Asia; Sector: Automotive; …" for the result line. */
function describeFilters(
  params: DealListParams,
  names: ReturnType<typeof taxonomyNames>,
  companyName: string | undefined,
): string[] {
  const parts: string[] = [];
  if (params.regionCode) parts.push(`region ${names.region.get(params.regionCode) ?? params.regionCode}`);
  if (params.sectorCode) parts.push(`sector ${names.sector.get(params.sectorCode) ?? params.sectorCode}`);
  if (params.types.length > 0) parts.push(`type ${params.types.map(humanize).join(" or ")}`);
  if (params.statuses.length > 0) parts.push(`status ${params.statuses.map(humanize).join(" or ")}`);
  if (companyName) parts.push(`company ${companyName}${params.includeUnits ? " and its units" : ""}`);
  if (params.from || params.to) parts.push(`announced ${params.from ?? "…"} to ${params.to ?? "…"}`);
  if (params.search) parts.push(`text “${params.search}”`);
  return parts;
}

export default async function DealsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = parseDealListParams(await searchParams);

  let result;
  try {
    result = await whenApiReachable(() => loadDealList(params));
  } catch (error) {
    if (error instanceof ApiError && error.code === "BAD_USER_INPUT") {
      return (
        <section className="notice notice--warning" role="alert" aria-labelledby="bad-filter-title">
          <h1 id="bad-filter-title">These filters cannot be applied</h1>
          <p>The API answered: {error.message}</p>
          <p>
            <Link href={dealListHref({ ...params, after: undefined })}>Start again from the first page</Link> or{" "}
            <Link href="/deals">clear all filters</Link>.
          </p>
        </section>
      );
    }
    throw error;
  }
  if (!result.ok) return <ApiUnavailable url={result.url} />;

  const { options, company, page } = result.data;
  const names = taxonomyNames(options);
  const filters = describeFilters(params, names, company.selected?.name);
  const exportHref = dealListHref({ ...params, after: undefined }, "/deals/export.csv");

  return (
    <>
      <header className="page-header">
        <h1>Deals</h1>
        <p>Filter, sort and export the deals. Every filter is in the address, so a view can be shared and reloaded.</p>
      </header>

      <DealFilterForm params={params} options={options} company={company} />

      {params.company && company.selected ? (
        <p className="notice" role="status">
          Company “{params.company}” read as <strong>{company.selected.name}</strong>.
          {company.alternatives.length > 0 ? (
            <>
              {" "}
              Or did you mean{" "}
              {company.alternatives.map((alternative, index) => (
                <span key={alternative.id}>
                  {index > 0 ? ", " : ""}
                  <Link
                    href={dealListHref({ ...params, company: undefined, entityId: alternative.id, after: undefined })}
                  >
                    {alternative.name}
                  </Link>
                </span>
              ))}
              ?
            </>
          ) : null}
        </p>
      ) : null}

      <section aria-labelledby="results-title">
        <div className="result-bar">
          <div>
            <h2 id="results-title">
              {page ? pluralize(page.totalCount, "deal") : "No deals"}
              {hasFilters(params) ? " match" : ""}
            </h2>
            {filters.length > 0 ? <p className="muted">Filtered by {filters.join("; ")}.</p> : null}
          </div>
          <a className="button button--secondary" href={exportHref} download>
            Download CSV
          </a>
        </div>

        {company.unmatched ? (
          <p className="notice">
            No company matches “{params.company ?? params.entityId}”. Try another name, or{" "}
            <Link href="/deals">clear all filters</Link>.
          </p>
        ) : page && page.nodes.length > 0 ? (
          <>
            <DealsTable deals={page.nodes} params={params} />
            <nav className="pagination" aria-label="Pages">
              {params.after ? <Link href={dealListHref({ ...params, after: undefined })}>First page</Link> : null}
              {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
                <Link
                  className="button button--secondary"
                  href={dealListHref({ ...params, after: page.pageInfo.endCursor })}
                >
                  Next page
                </Link>
              ) : (
                <span className="muted">{params.after ? "Last page" : "All matching deals are shown"}</span>
              )}
            </nav>
          </>
        ) : (
          <p className="notice">
            No deals match these filters. <Link href="/deals">Clear all filters</Link>
          </p>
        )}
      </section>
    </>
  );
}
