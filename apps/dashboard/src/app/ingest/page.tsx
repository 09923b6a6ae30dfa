import type { Metadata } from "next";
import Link from "next/link";
import { IngestForm } from "@/components/ingest-form";

export const metadata: Metadata = { title: "Ingest an article" };

export default function IngestPage() {
  return (
    <>
      <header className="page-header">
        <h1>Ingest an article</h1>
        <p>
          Paste a news article: the API stores it and proposes the entities, claims (with their quotes) and deals it
          finds. Nothing counts in the charts until a curator accepts it in the <Link href="/review">review queue</Link>
          . The same text twice is one article.
        </p>
      </header>
      <IngestForm />
    </>
  );
}
