/** The watchlist forms' state between the Server Actions and the pages: plain data, no server imports. */
import { isDealType, type DealType } from "./enums";

export type WatchlistValues = {
  name: string;
  /** Company names as typed, one per line; the action resolves each through the API's search. */
  companies: string;
  includeUnits: boolean;
  regionCodes: string[];
  sectorCodes: string[];
  dealTypes: DealType[];
};

export type WatchlistField = "name" | "companies" | "regionCodes" | "sectorCodes" | "dealTypes";

/** A message for one field (shown beside it), or for the whole form (`field: null`). */
export type WatchlistFormError = { field: WatchlistField | null; message: string };

export type WatchlistFormState = { values: WatchlistValues; errors: WatchlistFormError[] };

export const EMPTY_WATCHLIST_VALUES: WatchlistValues = {
  name: "",
  companies: "",
  includeUnits: true,
  regionCodes: [],
  sectorCodes: [],
  dealTypes: [],
};

export const INITIAL_WATCHLIST_STATE: WatchlistFormState = { values: EMPTY_WATCHLIST_VALUES, errors: [] };

export const MAX_NAME_LENGTH = 100;
/** The API takes at most 50 items per list. */
export const MAX_LIST_ITEMS = 50;

const strings = (form: FormData, name: string) =>
  form
    .getAll(name)
    .filter((value): value is string => typeof value === "string")
    .map((value) => value.trim())
    .filter(Boolean);

/** The form's fields as posted (a browser without JavaScript posts the same fields). */
export function readWatchlistValues(form: FormData): WatchlistValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  return {
    name: text("name"),
    companies: text("companies"),
    includeUnits: form.get("includeUnits") === "true",
    regionCodes: [...new Set(strings(form, "regionCodes"))],
    sectorCodes: [...new Set(strings(form, "sectorCodes"))],
    dealTypes: [...new Set(strings(form, "dealTypes").filter(isDealType))],
  };
}

/** "Alibaba\n BMW Group \n\nalibaba" → ["Alibaba", "BMW Group"] (one per line, blanks and repeats dropped). */
export function companyNames(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const name = line.trim().replace(/\s+/g, " ");
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** What can be told without asking the API. */
export function checkWatchlistValues(values: WatchlistValues): WatchlistFormError[] {
  const errors: WatchlistFormError[] = [];
  if (!values.name) errors.push({ field: "name", message: "Give the watchlist a name." });
  else if (values.name.length > MAX_NAME_LENGTH)
    errors.push({ field: "name", message: `At most ${MAX_NAME_LENGTH} characters.` });
  const lists: Array<[WatchlistField, number]> = [
    ["companies", companyNames(values.companies).length],
    ["regionCodes", values.regionCodes.length],
    ["sectorCodes", values.sectorCodes.length],
    ["dealTypes", values.dealTypes.length],
  ];
  for (const [field, count] of lists) {
    if (count > MAX_LIST_ITEMS) errors.push({ field, message: `At most ${MAX_LIST_ITEMS} at once.` });
  }
  return errors;
}

/** The form field an API user error points at (`["input", "entityIds", "0"]` → "companies"), if any. */
export function fieldOfPath(path: readonly string[] | null | undefined): WatchlistField | null {
  const name = path?.[0] === "input" ? path[1] : path?.[0];
  switch (name) {
    case "name":
    case "regionCodes":
    case "sectorCodes":
    case "dealTypes":
      return name;
    case "entityIds":
      return "companies";
    default:
      return null;
  }
}

/** A global id from a route segment (Next may hand it over still percent-encoded). */
export function routeGlobalId(raw: string): string {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** "/watchlists/<id>" with the id made safe for a path. */
export function watchlistHref(id: string, suffix = ""): string {
  return `/watchlists/${encodeURIComponent(id)}${suffix}`;
}

/** The state of the webhook form on a watchlist's page. */
export type WebhookFormState = {
  url: string;
  error: string | null;
  /** The signing secret, present only in the answer that set it: shown once. */
  secret: string | null;
};

export const INITIAL_WEBHOOK_STATE: WebhookFormState = { url: "", error: null, secret: null };
