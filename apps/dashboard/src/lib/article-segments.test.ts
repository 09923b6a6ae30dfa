import { describe, expect, it } from "vitest";
import { segmentText, type SegmentNode, type Span } from "./article-segments";

/** Renders the tree as text with brackets: [e:…] evidence (' for a continued piece), [m:…] mention. */
function show(nodes: readonly SegmentNode[]): string {
  return nodes
    .map((node) =>
      node.type === "text"
        ? node.text
        : `[${node.span.kind === "evidence" ? (node.span.first ? "e" : "e'") : "m"}:${show(node.children)}]`,
    )
    .join("");
}

const evidence = (start: number, end: number, label = "claim"): Span => ({
  kind: "evidence",
  start,
  end,
  range: `${start}-${end}`,
  first: true,
  label,
});
const mention = (start: number, end: number): Span => ({ kind: "mention", start, end, entityId: "e1", label: "x" });

describe("segmentText", () => {
  const text = "Alibaba and the BMW Group have announced a partnership.";

  it("nests mentions inside the evidence that contains them and keeps every character", () => {
    const nodes = segmentText(text, [mention(16, 25), evidence(0, 30), mention(0, 7)]);
    expect(show(nodes)).toBe("[e:[m:Alibaba] and the [m:BMW Group] have] announced a partnership.");
  });

  it("splits a quote that crosses another one; only its first piece starts the quote", () => {
    const nodes = segmentText(text, [evidence(0, 30), evidence(16, 50)]);
    expect(show(nodes)).toBe("[e:Alibaba and the [e:BMW Group have]][e': announced a partner]ship.");
  });

  it("merges duplicate quotes and drops spans outside the text", () => {
    const nodes = segmentText(text, [evidence(0, 7, "a"), evidence(0, 7, "b"), evidence(60, 70), mention(5, 5)]);
    expect(show(nodes)).toBe(`[e:Alibaba]${text.slice(7)}`);
    const first = nodes[0];
    expect(first?.type === "span" && first.span.label).toBe("a; b");
  });
});
