import Link from "next/link";
import { formatCount, formatUsd, pluralize } from "@/lib/format";
import type { ChartBucket } from "./charts/chart-types";

/** The table alternative of a chart: the same buckets and links, in a <details>. */
export function ChartTable({
  title,
  labelHeader,
  data,
}: {
  title: string;
  labelHeader: string;
  data: readonly ChartBucket[];
}) {
  return (
    <details className="table-alt">
      <summary>{title}: table</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col" className="num">
                Deals
              </th>
              <th scope="col" className="num">
                Value (USD)
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((bucket) => (
              <tr key={bucket.key}>
                <th scope="row">
                  {bucket.count > 0 ? (
                    <Link href={bucket.href}>
                      {bucket.label}
                      <span className="visually-hidden"> ({pluralize(bucket.count, "deal")})</span>
                    </Link>
                  ) : (
                    bucket.label
                  )}
                </th>
                <td className="num">{formatCount(bucket.count)}</td>
                <td className="num">{bucket.totalAmountUsd > 0 ? formatUsd(bucket.totalAmountUsd) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
