/** The ingest form's state between the Server Action and the page: plain data, no server imports. */

export const INGEST_FIELDS = ["url", "title", "publisher", "publishedAt", "text"] as const;
export type IngestField = (typeof INGEST_FIELDS)[number];
export type IngestValues = Record<IngestField, string>;

export const EMPTY_INGEST_VALUES: IngestValues = { url: "", title: "", publisher: "", publishedAt: "", text: "" };

/** A message for one field (its input shows it), or for the whole form (`field: null`). */
export type FormError = { field: IngestField | null; message: string };

export type IngestResultView = {
  duplicate: boolean;
  article: { id: string; title: string } | null;
  counts: { deals: number; claims: number; entities: number; attachedDeals: number; autoAccepted: number } | null;
  deals: Array<{
    id: string;
    title: string;
    type: string;
    confidence: number | null;
    reviewStatus: string;
    parties: string[];
    markets: string[];
    sectors: string[];
  }>;
  claims: Array<{
    id: string;
    statement: string;
    confidence: number;
    reviewStatus: string;
    quote: { text: string; href: string } | null;
  }>;
  entities: Array<{ id: string; name: string; kind: string; reviewStatus: string }>;
};

export type IngestFormState = {
  values: IngestValues;
  errors: FormError[];
  result: IngestResultView | null;
};

export const INITIAL_INGEST_STATE: IngestFormState = { values: EMPTY_INGEST_VALUES, errors: [], result: null };

/** The form's fields as typed (text keeps its line breaks; the rest are trimmed). */
export function readIngestValues(form: FormData): IngestValues {
  const read = (name: IngestField) => {
    const value = form.get(name);
    return typeof value === "string" ? (name === "text" ? value : value.trim()) : "";
  };
  return {
    url: read("url"),
    title: read("title"),
    publisher: read("publisher"),
    publishedAt: read("publishedAt"),
    text: read("text"),
  };
}

/** The form field an API user error points at (`["input", "publishedAt"]` → "publishedAt"), if any. */
export function fieldOfPath(path: readonly string[] | null | undefined): IngestField | null {
  const name = path?.at(-1);
  return (INGEST_FIELDS as readonly string[]).includes(name ?? "") ? (name as IngestField) : null;
}
