import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Keys look like `dg_3f9a1c2b_<43 base64url characters>`: the first two parts are the prefix,
// stored and shown in lists; the whole key is only ever stored as a SHA-256 hash. Keys carry 256
// random bits, so a plain hash is enough (no password stretching needed).
const KEY = /^(dg_[0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = `dg_${randomBytes(4).toString("hex")}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function prefixOf(key: string): string | null {
  return KEY.exec(key)?.[1] ?? null;
}

export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The key from `Authorization: Bearer <key>` (or `x-api-key`), if any. */
export function keyFromHeaders(authorization: string | undefined, apiKeyHeader: string | undefined): string | null {
  if (apiKeyHeader) return apiKeyHeader.trim();
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}
