import type { Metadata } from "next";
import { ApiUnavailable } from "@/components/api-unavailable";
import { ChartEmpty } from "@/components/chart-empty";
import { HealthChart } from "@/components/charts/health-chart";
import { HealthChartTable } from "@/components/health-table";
import { getApiHealth } from "@/data/health";
import { formatCount } from "@/lib/format";
import { whenApiReachable } from "@/lib/graphql";
import { healthChartData, type HealthMetric } from "@/lib/health-series";

export const metadata: Metadata = { title: "API health" };
export const dynamic = "force-dynamic";

const MINUTES = 60;
const TOP_OPERATIONS = 6;

const CHARTS: ReadonlyArray<{ id: string; title: string; caption: string; metric: HealthMetric; unit: string }> = [
  {
    id: "rate",
    title: "Request rate",
    caption: "Requests per minute, per operation.",
    metric: "requests",
    unit: "req/min",
  },
  {
    id: "latency",
    title: "p95 latency",
    caption: "95th percentile response time per minute, in milliseconds; “Other” shows the highest of the rest.",
    metric: "p95Ms",
    unit: "ms",
  },
  {
    id: "errors",
    title: "Errors",
    caption: "Requests per minute that answered with an error, per operation.",
    metric: "errors",
    unit: "errors",
  },
];

function formatRate(perMinute: number): string {
  return perMinute > 0 && perMinute < 1 ? perMinute.toFixed(2) : perMinute.toFixed(1);
}

export default async function HealthPage() {
  const result = await whenApiReachable(() => getApiHealth(MINUTES));
  if (!result.ok) return <ApiUnavailable url={result.url} />;
  const health = result.data;

  const header = (
    <header className="page-header">
      <h1>API health</h1>
      <p>
        Request rate, p95 latency and errors per GraphQL operation over the last hour, minute by minute (times in UTC).
      </p>
    </header>
  );

  if (health.status !== "ok") {
    return (
      <>
        {header}
        <section className="notice" aria-labelledby="health-key-title">
          <h2 id="health-key-title">This page needs an ANALYST key</h2>
          <p>
            {health.status === "no-key"
              ? "The dashboard has no API key, so it cannot read the API’s health. "
              : "The API refused the dashboard’s API key for this page. "}
            Start the dashboard with <code>API_KEY</code> set to a key with the ANALYST (or ADMIN) role.
          </p>
        </section>
      </>
    );
  }

  const operations = [...health.operations].sort((a, b) => b.requests - a.requests);
  if (operations.length === 0) {
    return (
      <>
        {header}
        <ChartEmpty>No requests in the last hour.</ChartEmpty>
      </>
    );
  }

  return (
    <>
      {header}
      <section className="card" aria-labelledby="operations-title">
        <h2 id="operations-title">Operations</h2>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Requests, errors and p95 latency per operation, last hour</caption>
            <thead>
              <tr>
                <th scope="col">Operation</th>
                <th scope="col" className="num">
                  Requests (1 h)
                </th>
                <th scope="col" className="num">
                  Req/min
                </th>
                <th scope="col" className="num">
                  Errors
                </th>
                <th scope="col" className="num">
                  p95 (ms)
                </th>
              </tr>
            </thead>
            <tbody>
              {operations.map((operation) => (
                <tr key={operation.operation}>
                  <th scope="row">{operation.operation}</th>
                  <td className="num">{formatCount(operation.requests)}</td>
                  <td className="num">{formatRate(operation.requests / MINUTES)}</td>
                  <td className="num">{formatCount(operation.errors)}</td>
                  <td className="num">{operation.p95Ms == null ? "—" : formatCount(operation.p95Ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {CHARTS.map((chart) => {
        const data = healthChartData(operations, chart.metric, TOP_OPERATIONS);
        return (
          <section className="card section" aria-labelledby={`${chart.id}-title`} key={chart.id}>
            <div className="chart-head">
              <h2 id={`${chart.id}-title`}>{chart.title}</h2>
            </div>
            <figure className="chart-figure" aria-labelledby={`${chart.id}-caption`}>
              <figcaption id={`${chart.id}-caption`}>{chart.caption}</figcaption>
              {data.rows.length > 0 ? (
                <HealthChart data={data} unit={chart.unit} showDots={chart.metric === "p95Ms"} />
              ) : (
                <ChartEmpty>No minutes recorded.</ChartEmpty>
              )}
            </figure>
            <HealthChartTable title={chart.title} data={data} />
          </section>
        );
      })}
    </>
  );
}
