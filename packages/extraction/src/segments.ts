// Paragraphs, sentences and clauses with offsets into the original text.

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  /** A markdown-style heading line ("## Alibaba and Kwik: ..."), not body text. */
  heading: boolean;
}

const BOILERPLATE =
  /^[ \t]*(?:Leave a (?:Reply|Comment)|Related (?:Articles|Posts|Stories)|Share this(?: article)?|Subscribe to our newsletter|Read more:|You may also like|Comments)\b/m;

/** Offset where page boilerplate ("Leave a Reply") starts; the text length when there is none. */
export function contentEnd(text: string): number {
  const match = BOILERPLATE.exec(text);
  return match ? match.index : text.length;
}

const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "inc",
  "ltd",
  "co",
  "corp",
  "no",
  "vs",
  "jr",
  "sr",
  "u.s",
  "u.k",
  "e.g",
  "i.e",
  "approx",
  "est",
  "dept",
  "gov",
  "sen",
  "rep",
  "gen",
  "lt",
  "col",
  "mt",
  "ft",
]);

function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

function isSentenceBoundary(text: string, dot: number): boolean {
  const ch = text.charAt(dot);
  if (ch === "!" || ch === "?") return true;
  // "2.5", "Alibaba.com": no space after the dot
  const before = text.slice(Math.max(0, dot - 12), dot);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? "";
  if (ABBREVIATIONS.has(word)) return false;
  // single capital initial ("J. Smith")
  if (/(?:^|\s)\p{Lu}$/u.test(before)) return false;
  return true;
}

/** Sentences of the article body (before boilerplate), in order. */
export function splitSentences(text: string): Sentence[] {
  const end = contentEnd(text);
  const sentences: Sentence[] = [];
  let paragraph = 0;
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line && line.index < end; line = lineRe.exec(text)) {
    const lineStart = line.index;
    const lineEnd = Math.min(lineStart + line[0].length, end);
    const heading = /^\s*#{1,6}\s/.test(line[0]);
    if (line[0].trim() === "") continue;
    let cursor = lineStart;
    if (heading) {
      cursor = lineStart + (/^\s*#{1,6}\s+/.exec(line[0])?.[0].length ?? 0);
      pushSentence(text, sentences, cursor, lineEnd, paragraph, true);
    } else {
      const boundaryRe = /[.!?]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}#])/gu;
      const body = text.slice(0, lineEnd);
      boundaryRe.lastIndex = lineStart;
      for (let b = boundaryRe.exec(body); b; b = boundaryRe.exec(body)) {
        if (!isSentenceBoundary(text, b.index)) continue;
        const stop = b.index + b[0].length;
        pushSentence(text, sentences, cursor, stop, paragraph, false);
        cursor = stop;
      }
      pushSentence(text, sentences, cursor, lineEnd, paragraph, false);
    }
    paragraph++;
  }
  return sentences;
}

function pushSentence(
  text: string,
  out: Sentence[],
  start: number,
  end: number,
  paragraph: number,
  heading: boolean,
): void {
  const span = trimSpan(text, start, end);
  if (span.end <= span.start) return;
  out.push({ ...span, index: out.length, paragraph, heading });
}

// Clause breaks: where one deal's statement ends and another's may begin.
const CLAUSE_BREAK =
  /;\s+|,?\s+while\s+|,\s+whereas\s+|,\s+but\s+|\s+but\s+(?=also\b)|,\s+a\s+(?:day|week|month)\s+(?:after|before)\s+|,\s+and\s+(?:separately\s+|also\s+)?(?=(?:has|have|had|will|is|was|separately|also)\b)|,\s+and\s+separately\s+|\s+and\s+separately\s+|,\s+after\s+|,\s+meanwhile\s+/giu;

/** Clauses of a sentence (offset spans); at least one. */
export function splitClauses(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const clauses: Span[] = [];
  let cursor = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(body); m; m = CLAUSE_BREAK.exec(body)) {
    if (m.index > cursor) clauses.push({ start: sentence.start + cursor, end: sentence.start + m.index });
    cursor = m.index + m[0].length;
  }
  if (cursor < body.length) clauses.push({ start: sentence.start + cursor, end: sentence.end });
  return clauses.length > 0 ? clauses : [{ start: sentence.start, end: sentence.end }];
}

/** The sentence containing an offset. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  return sentences.find((s) => offset >= s.start && offset < s.end);
}
