import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <section className="notice" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Not found</h1>
      <p>There is no deal, company or article at this address. It may have been merged or deleted.</p>
      <p>
        <Link href="/deals">Browse all deals</Link> or go back to the <Link href="/">overview</Link>.
      </p>
    </section>
  );
}
