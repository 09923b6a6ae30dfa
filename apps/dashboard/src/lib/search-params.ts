/** The shape Next gives pages for `searchParams`. */
export type SearchParams = Record<string, string | string[] | undefined>;

type ParamSource = SearchParams | URLSearchParams;

/** The first non-empty value of a parameter, trimmed. */
export function firstParam(source: ParamSource, key: string): string | undefined {
  const raw = source instanceof URLSearchParams ? source.get(key) : source[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Every non-empty value of a repeated parameter (`?types=A&types=B`). */
export function allParams(source: ParamSource, key: string): string[] {
  const raw = source instanceof URLSearchParams ? source.getAll(key) : source[key];
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return values.map((value) => value.trim()).filter((value) => value.length > 0);
}

/** YYYY, YYYY-MM or YYYY-MM-DD, as the API's `from`/`to` accept. */
export const PERIOD_PATTERN = "\\d{4}(-\\d{2}(-\\d{2})?)?";
const periodRegex = new RegExp(`^${PERIOD_PATTERN}$`);

export function periodParam(source: ParamSource, key: string): string | undefined {
  const value = firstParam(source, key);
  return value && periodRegex.test(value) ? value : undefined;
}

type HrefValue = string | number | boolean | readonly string[] | undefined | null;

/** `/deals?regionCode=142&types=A&types=B`: empty values are left out, order is stable. */
export function buildHref(path: string, params: Record<string, HrefValue>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === false || value === "") continue;
    if (Array.isArray(value)) {
      for (const item of value) query.append(key, item);
    } else {
      query.set(key, String(value));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
