"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Overview", matches: (path: string) => path === "/" },
  { href: "/deals", label: "Deals", matches: (path: string) => path.startsWith("/deals") },
  { href: "/ingest", label: "Ingest", matches: (path: string) => path.startsWith("/ingest") },
  { href: "/review", label: "Review", matches: (path: string) => path.startsWith("/review") },
  { href: "/watchlists", label: "Watchlists", matches: (path: string) => path.startsWith("/watchlists") },
  { href: "/health", label: "API health", matches: (path: string) => path.startsWith("/health") },
] as const;

export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={link.matches(pathname) ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
