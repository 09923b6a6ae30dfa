import Link from "next/link";
import { Fragment } from "react";
import type { SegmentNode } from "@/lib/article-segments";

/** The article text with evidence as <mark id="q-start-end"> and mentions as links to their entities. */
export function ArticleText({ nodes, highlight }: { nodes: readonly SegmentNode[]; highlight: string | undefined }) {
  return (
    <>
      {nodes.map((node) => {
        if (node.type === "text") return <Fragment key={`t-${node.start}`}>{node.text}</Fragment>;
        const { span } = node;
        const key = `${span.kind}-${span.start}-${span.end}`;
        const children = <ArticleText nodes={node.children} highlight={highlight} />;
        if (span.kind === "evidence") {
          return (
            <mark
              key={key}
              id={span.first ? `q-${span.range}` : undefined}
              data-quote={span.range}
              className={span.range === highlight ? "is-highlighted" : undefined}
              title={`Evidence: ${span.label}`}
            >
              {children}
            </mark>
          );
        }
        return span.entityId ? (
          <Link
            key={key}
            href={`/entities/${encodeURIComponent(span.entityId)}`}
            className="mention"
            title={span.label}
          >
            {children}
          </Link>
        ) : (
          <span key={key} className="mention" title={span.label}>
            {children}
          </span>
        );
      })}
    </>
  );
}
