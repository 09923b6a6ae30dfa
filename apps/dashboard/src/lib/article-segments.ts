/** Cuts an article's text into nested pieces so evidence and mentions can be marked up at their offsets. */

export type EvidenceSpan = {
  kind: "evidence";
  start: number;
  end: number;
  /** The quote's whole range, `<start>-<end>`, shared by every piece of a quote that had to be split. */
  range: string;
  /** True for the piece that starts the quote: it carries the `q-<start>-<end>` id. */
  first: boolean;
  label: string;
};

export type MentionSpan = {
  kind: "mention";
  start: number;
  end: number;
  entityId: string | null;
  label: string;
};

export type Span = EvidenceSpan | MentionSpan;

export type TextNode = { type: "text"; start: number; text: string };
export type SpanNode = { type: "span"; span: Span; children: SegmentNode[] };
export type SegmentNode = TextNode | SpanNode;

/** Earlier first; at the same start the longer one encloses; evidence encloses mentions. */
function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.kind === b.kind ? 0 : a.kind === "evidence" ? -1 : 1);
}

function continuation(span: Span, start: number): Span {
  return span.kind === "evidence" ? { ...span, start, first: false } : { ...span, start };
}

function build(text: string, from: number, to: number, spans: Span[]): SegmentNode[] {
  const nodes: SegmentNode[] = [];
  let position = from;
  let queue = spans.toSorted(compareSpans);

  while (queue.length > 0) {
    const [head, ...others] = queue;
    if (!head) break;
    queue = others;
    let span = head;
    if (span.end <= position) continue;
    if (span.start < position) span = continuation(span, position);
    if (span.start > position) nodes.push({ type: "text", start: position, text: text.slice(position, span.start) });

    const inside: Span[] = [];
    const after: Span[] = [];
    for (const other of queue) {
      if (other.start >= span.end) after.push(other);
      else if (other.end <= span.end) inside.push(other);
      else {
        // Crosses the end of `span`: the part inside nests, the rest continues after it.
        inside.push({ ...other, end: span.end });
        after.push(continuation(other, span.end));
      }
    }
    nodes.push({ type: "span", span, children: build(text, span.start, span.end, inside) });
    position = span.end;
    queue = after.toSorted(compareSpans);
  }
  if (position < to) nodes.push({ type: "text", start: position, text: text.slice(position, to) });
  return nodes;
}

/** Nests the spans over the text; spans outside the text or empty are dropped, duplicate quotes merged. */
export function segmentText(text: string, spans: readonly Span[]): SegmentNode[] {
  const valid = new Map<string, Span>();
  for (const span of spans) {
    const start = Math.max(0, span.start);
    const end = Math.min(text.length, span.end);
    if (start >= end) continue;
    const key = `${span.kind}:${start}-${end}`;
    const known = valid.get(key);
    if (known) {
      if (known.kind === "evidence" && span.kind === "evidence" && !known.label.includes(span.label)) {
        valid.set(key, { ...known, label: `${known.label}; ${span.label}` });
      }
      continue;
    }
    valid.set(key, { ...span, start, end });
  }
  return build(text, 0, text.length, [...valid.values()]);
}
