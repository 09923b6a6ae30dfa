import Link from "next/link";
import { SiteNav } from "./site-nav";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          Dealgraph
          <span className="brand__dot" aria-hidden="true">
            .
          </span>
        </Link>
        <SiteNav />
      </div>
    </header>
  );
}
