import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiUnavailable } from "@/components/api-unavailable";
import { ChartEmpty } from "@/components/chart-empty";
import { ChartTable } from "@/components/chart-table";
import type { ChartBucket } from "@/components/charts/chart-types";
import { LazyTimeChart } from "@/components/charts/lazy-time-chart";
import { ClaimItem } from "@/components/claim-view";
import { LinkSwitch } from "@/components/link-switch";
import { PartnerNetwork, type Partner } from "@/components/partner-network";
import { ReviewBadge } from "@/components/status-badge";
import {
  ENTITY_CLAIMS_SHOWN,
  getEntityClaims,
  getEntityDeals,
  getEntityDealsOverTime,
  getEntityProfile,
  type EntityDeals,
  type EntityProfile,
} from "@/data/entity";
import { dealListHref } from "@/lib/deal-list-params";
import { humanize } from "@/lib/enums";
import { pluralize } from "@/lib/format";
import { whenApiReachable } from "@/lib/graphql";
import { fillPeriods, periodRange } from "@/lib/periods";
import { buildHref, firstParam, type SearchParams } from "@/lib/search-params";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const GRAINS = [
  { param: "month", groupBy: "MONTH", label: "Month" },
  { param: "year", groupBy: "YEAR", label: "Year" },
] as const;

function globalId(raw: string): string {
  return raw.includes("%") ? decodeURIComponent(raw) : raw;
}

function entityHref(id: string, options: { includeUnits: boolean; period: string }, hash = ""): string {
  return `${buildHref(`/entities/${encodeURIComponent(id)}`, {
    includeUnits: options.includeUnits ? "true" : undefined,
    period: options.period === "month" ? undefined : options.period,
  })}${hash}`;
}

/** Partners across its deals (the group's own units are not partners), most shared deals first. */
function partnersOf(entity: EntityProfile, deals: EntityDeals): Partner[] {
  const own = new Set([entity.id, ...entity.units.map((unit) => unit.id)]);
  const partners = new Map<string, Partner>();
  for (const deal of deals.nodes) {
    const seen = new Set<string>();
    for (const party of deal.participants) {
      if (own.has(party.entity.id) || seen.has(party.entity.id)) continue;
      seen.add(party.entity.id);
      const known = partners.get(party.entity.id);
      if (known) known.sharedDeals += 1;
      else partners.set(party.entity.id, { id: party.entity.id, name: party.entity.name, sharedDeals: 1 });
    }
  }
  return [...partners.values()]
    .toSorted((a, b) => b.sharedDeals - a.sharedDeals || a.name.localeCompare(b.name, "en"))
    .slice(0, 12);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await whenApiReachable(async () => getEntityProfile(globalId((await params).id)));
  return { title: result.ok ? (result.data?.name ?? "Not found") : "Company" };
}

export default async function EntityPage({ params, searchParams }: Props) {
  const id = globalId((await params).id);
  const query = await searchParams;
  const includeUnits = firstParam(query, "includeUnits") === "true";
  const grain = GRAINS.find((option) => option.param === firstParam(query, "period")) ?? GRAINS[0];

  const result = await whenApiReachable(() =>
    Promise.all([
      getEntityProfile(id),
      getEntityDeals(id, includeUnits),
      getEntityClaims(id),
      getEntityDealsOverTime({ id, includeUnits, groupBy: grain.groupBy }),
    ]),
  );
  if (!result.ok) return <ApiUnavailable url={result.url} />;
  const [entity, deals, claims, overTime] = result.data;
  if (!entity || !deals || !claims) notFound();

  const state = { includeUnits, period: grain.param };
  const series = fillPeriods(overTime, grain.groupBy, (empty) => ({ ...empty, count: 0, totalAmountUsd: 0 }));
  const timeBars: ChartBucket[] = series.map((bucket) => ({
    ...bucket,
    href: dealListHref({ entityId: entity.id, includeUnits, ...(periodRange(bucket.key) ?? {}) }),
  }));
  const partners = partnersOf(entity, deals);
  const roleOf = (deal: EntityDeals["nodes"][number]) =>
    deal.participants.find((party) => party.entity.id === entity.id)?.role;

  return (
    <article aria-labelledby="entity-title">
      <header className="page-header">
        <span className="eyebrow">{humanize(entity.kind)}</span>
        <h1 id="entity-title">{entity.name}</h1>
        {entity.description ? <p>{entity.description}</p> : null}
      </header>

      {entity.mergedInto ? (
        <p className="notice notice--warning">
          Merged into{" "}
          <Link href={`/entities/${encodeURIComponent(entity.mergedInto.id)}`}>{entity.mergedInto.name}</Link>.
        </p>
      ) : null}

      <div className="layout-aside layout-aside--side-first">
        <div>
          <section className="card" aria-labelledby="deals-title">
            <div className="chart-head">
              <h2 id="deals-title">Deals</h2>
              {entity.units.length > 0 ? (
                <LinkSwitch
                  label="Whose deals"
                  options={[
                    {
                      label: "Own deals",
                      href: entityHref(entity.id, { ...state, includeUnits: false }),
                      current: !includeUnits,
                    },
                    {
                      label: `With its ${pluralize(entity.units.length, "unit")}`,
                      href: entityHref(entity.id, { ...state, includeUnits: true }),
                      current: includeUnits,
                    },
                  ]}
                />
              ) : null}
            </div>
            <p className="muted">
              {pluralize(deals.totalCount, "deal")}
              {includeUnits ? ` of ${entity.name} and its units` : ` with ${entity.name} as a party`}.{" "}
              <Link href={dealListHref({ entityId: entity.id, includeUnits })}>Open them in the deal list</Link>
            </p>
            {deals.nodes.length > 0 ? (
              <div className="table-scroll" role="region" aria-label={`Deals of ${entity.name}`} tabIndex={0}>
                <table className="deals-table">
                  <thead>
                    <tr>
                      <th scope="col">Deal</th>
                      <th scope="col">Role</th>
                      <th scope="col">Type</th>
                      <th scope="col">Status</th>
                      <th scope="col">Announced</th>
                    </tr>
                  </thead>
                  <tbody>
                    {deals.nodes.map((deal) => {
                      const role = roleOf(deal);
                      return (
                        <tr key={deal.id}>
                          <td>
                            <Link href={`/deals/${encodeURIComponent(deal.id)}`}>{deal.title}</Link>
                          </td>
                          <td>{role ? humanize(role) : "Through a unit"}</td>
                          <td>{humanize(deal.type)}</td>
                          <td>{humanize(deal.status)}</td>
                          <td>{deal.announced?.label ?? "—"}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>

          <section className="card section" aria-labelledby="over-time-title" id="over-time">
            <div className="chart-head">
              <h2 id="over-time-title">Deals over time</h2>
              <LinkSwitch
                label="Time period"
                options={GRAINS.map((option) => ({
                  label: option.label,
                  href: entityHref(entity.id, { ...state, period: option.param }, "#over-time"),
                  current: option.param === grain.param,
                }))}
              />
            </div>
            <figure className="chart-figure" aria-labelledby="entity-time-caption">
              <figcaption id="entity-time-caption">Deals by announcement {grain.label.toLowerCase()}.</figcaption>
              {timeBars.length > 0 ? (
                <LazyTimeChart data={timeBars} height={220} />
              ) : (
                <ChartEmpty>No dated deals.</ChartEmpty>
              )}
            </figure>
            <ChartTable title="Deals over time" labelHeader="Period" data={timeBars} />
          </section>

          <section className="card section" aria-labelledby="network-title">
            <h2 id="network-title">Partners</h2>
            {partners.length > 0 ? (
              <>
                <p className="muted">
                  Who it made deals with; a thicker line means more shared deals
                  {deals.totalCount > deals.nodes.length ? ` (from its latest ${deals.nodes.length} deals)` : ""}.
                </p>
                <PartnerNetwork name={entity.name} partners={partners} />
              </>
            ) : (
              <p>No partners in its deals yet.</p>
            )}
          </section>

          <section className="card section" aria-labelledby="claims-title">
            <h2 id="claims-title">Claims</h2>
            <p className="muted">
              {pluralize(claims.totalCount, "claim")} with {entity.name} as subject or object, with their review status
              {claims.totalCount > claims.nodes.length ? ` (the first ${ENTITY_CLAIMS_SHOWN} shown)` : ""}.
            </p>
            {claims.nodes.length > 0 ? (
              <ul className="plain-list">
                {claims.nodes.map((claim) => (
                  <ClaimItem key={claim.id} claim={claim} />
                ))}
              </ul>
            ) : null}
          </section>
        </div>

        <div>
          <section className="card" aria-labelledby="profile-title">
            <h2 id="profile-title">Profile</h2>
            <dl className="facts">
              <dt>Kind</dt>
              <dd>{humanize(entity.kind)}</dd>
              <dt>Home</dt>
              <dd>{entity.region?.name ?? "Not known"}</dd>
              <dt>Review</dt>
              <dd>
                <ReviewBadge status={entity.reviewStatus} />
              </dd>
              <dt>Aliases</dt>
              <dd>
                {entity.aliases.length > 0 ? (
                  <ul className="plain-list">
                    {entity.aliases.map((alias) => (
                      <li key={`${alias.type}-${alias.name}`}>
                        {alias.name} <span className="muted">({humanize(alias.type).toLowerCase()})</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "None"
                )}
              </dd>
              <dt>Unit of</dt>
              <dd>
                {entity.parent ? (
                  <Link href={`/entities/${encodeURIComponent(entity.parent.id)}`}>{entity.parent.name}</Link>
                ) : (
                  "—"
                )}
              </dd>
              <dt>Units</dt>
              <dd>
                {entity.units.length > 0 ? (
                  <ul className="plain-list">
                    {entity.units.map((unit) => (
                      <li key={unit.id}>
                        <Link href={`/entities/${encodeURIComponent(unit.id)}`}>{unit.name}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "None"
                )}
              </dd>
              {entity.externalIds.length > 0 ? (
                <>
                  <dt>Identifiers</dt>
                  <dd>
                    <ul className="plain-list">
                      {entity.externalIds.map((external) => (
                        <li key={`${external.scheme}-${external.value}`}>
                          {humanize(external.scheme)} <code>{external.value}</code>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
        </div>
      </div>
    </article>
  );
}
