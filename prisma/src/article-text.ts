import { createHash } from "node:crypto";

/** Lines that pages append around an article and that are not its content. */
const BOILERPLATE_LINES = [
  /^leave a (reply|comment)$/i,
  /^(share|share this( article)?|share on \w+)[:!]?$/i,
  /^(facebook|twitter|x|linkedin|whatsapp|email|print|telegram|reddit)(\s*[|·•,]\s*(facebook|twitter|x|linkedin|whatsapp|email|print|telegram|reddit))*$/i,
  /^(related( posts| articles)?|you may also like|read more|advertisement)[:]?$/i,
  /^cancel reply$/i,
];

/**
 * The text Dealgraph stores for an article: page boilerplate lines (share bars, "Leave a Reply")
 * removed, line endings normalised, trailing whitespace dropped; everything else unchanged, so
 * offsets into it point at the words a reader sees.
 */
export function cleanArticleText(raw: string, extraBoilerplate: string[] = []): string {
  const extra = new Set(extraBoilerplate.map((line) => line.trim().toLowerCase()));
  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  const kept = lines.filter((line) => {
    const trimmed = line.trim();
    return !extra.has(trimmed.toLowerCase()) && !BOILERPLATE_LINES.some((pattern) => pattern.test(trimmed));
  });
  return kept.join("\n").trimEnd();
}

/**
 * Identity of an article's content: sha256 of a normalised copy (Unicode NFKC, curly quotes
 * straightened, case folded, whitespace collapsed), so re-posts that differ only in such details
 * are one article.
 */
export function contentHash(text: string): string {
  const normalised = cleanArticleText(text)
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  return createHash("sha256").update(normalised).digest("hex");
}
