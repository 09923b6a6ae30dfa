import { formatCount } from "@/lib/format";
import type { HealthChartData } from "@/lib/health-series";

/** The table alternative of a health chart: one row per minute, one column per line. */
export function HealthChartTable({ title, data }: { title: string; data: HealthChartData }) {
  return (
    <details className="table-alt">
      <summary>{title}: table</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Minute (UTC)</th>
              {data.series.map((name) => (
                <th scope="col" className="num" key={name}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.minute}>
                <th scope="row">{row.label}</th>
                {data.series.map((name, index) => {
                  const value = row.values[index];
                  return (
                    <td className="num" key={name}>
                      {value == null ? "—" : formatCount(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
