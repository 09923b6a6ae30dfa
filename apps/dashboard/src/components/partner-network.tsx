import Link from "next/link";
import { pluralize } from "@/lib/format";

export type Partner = { id: string; name: string; sharedDeals: number };

const WIDTH = 640;
const RADIUS = 140;

function truncate(text: string, max = 22): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A small star network: the entity in the middle, its partners around it; drawn on the server as SVG links. */
export function PartnerNetwork({ name, partners }: { name: string; partners: readonly Partner[] }) {
  const count = partners.length;
  // One or two partners sit left and right of the centre: a short drawing is enough.
  const height = count <= 2 ? 135 : 400;
  const center = { x: WIDTH / 2, y: count <= 2 ? 60 : height / 2 };
  const placed = partners.map((partner, index) => {
    const angle = count <= 2 ? index * Math.PI : -Math.PI / 2 + (index * 2 * Math.PI) / count;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    if (count <= 2) {
      return {
        ...partner,
        x: center.x + RADIUS * 1.5 * cos,
        y: center.y,
        anchor: "middle",
        labelDx: 0,
        labelDy: 32,
      } as const;
    }
    return {
      ...partner,
      x: center.x + RADIUS * 1.45 * cos,
      y: center.y + RADIUS * sin,
      anchor: cos > 0.2 ? "start" : cos < -0.2 ? "end" : "middle",
      labelDx: cos > 0.2 ? 16 : cos < -0.2 ? -16 : 0,
      labelDy: cos > 0.2 || cos < -0.2 ? 5 : sin < 0 ? -18 : 28,
    } as const;
  });
  const maxShared = partners.reduce((max, partner) => Math.max(max, partner.sharedDeals), 1);

  return (
    <div className="network">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={`${name} and its deal partners`}>
        {placed.map((partner) => (
          <line
            key={`edge-${partner.id}`}
            x1={center.x}
            y1={center.y}
            x2={partner.x}
            y2={partner.y}
            stroke="#8aa4d6"
            strokeWidth={1.5 + (3 * partner.sharedDeals) / maxShared}
          />
        ))}
        <circle cx={center.x} cy={center.y} r={22} fill="#0f1b33" />
        <text x={center.x} y={center.y + 42} textAnchor="middle" fontWeight={700}>
          {truncate(name, 30)}
        </text>
        {placed.map((partner) => (
          <a
            key={partner.id}
            href={`/entities/${encodeURIComponent(partner.id)}`}
            aria-label={`${partner.name}: ${pluralize(partner.sharedDeals, "shared deal")}`}
          >
            <circle cx={partner.x} cy={partner.y} r={12} fill="#2563eb" />
            <text x={partner.x + partner.labelDx} y={partner.y + partner.labelDy} textAnchor={partner.anchor}>
              {truncate(partner.name)}
            </text>
          </a>
        ))}
      </svg>
      <details className="table-alt">
        <summary>Partners: list</summary>
        <ul>
          {partners.map((partner) => (
            <li key={partner.id}>
              <Link href={`/entities/${encodeURIComponent(partner.id)}`}>{partner.name}</Link> (
              {pluralize(partner.sharedDeals, "shared deal")})
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
