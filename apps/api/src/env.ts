import { fileURLToPath } from "node:url";
import { z } from "zod";

const defaultDataDir = fileURLToPath(new URL("../../../data/pglite", import.meta.url));

const envSchema = z
  .object({
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// or postgresql:// URL" })
      .optional(),
    DATA_DIR: z.string().min(1).default(defaultDataDir),
    APP_MODE: z.enum(["demo", "production"]).optional(),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    HOST: z.string().default("127.0.0.1"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    SEED_ON_START: z.stringbool().default(true),
    /** Shared state for several instances: rate limits, the API health window and subscription fan-out. */
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "REDIS_URL must be a redis:// URL" }).optional(),
    /** Prefix of every Redis key, so that several deployments (or test runs) can share one Redis. */
    REDIS_NAMESPACE: z
      .string()
      .regex(/^[\w:.-]{1,50}$/)
      .default("dealgraph"),
    /** Cost points a caller may spend per minute (0 turns rate limiting off). */
    RATE_LIMIT_POINTS_PER_MINUTE: z.coerce.number().int().min(0).optional(),
    /** Largest cost a single operation may have. */
    MAX_OPERATION_COST: z.coerce.number().int().min(100).default(50_000),
    /** How long one operation may run before it is cut off. */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
    /** CIDR ranges webhooks may reach although they are private or loopback ("127.0.0.0/8,::1/128"); none by default. */
    WEBHOOK_ALLOWED_NETWORKS: z.string().default(""),
    /** Attempts per webhook delivery before it is marked FAILED. */
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
    /** Wait before the first retry; each further retry waits twice as long (capped at an hour). */
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
    /** How often each instance looks for due deliveries (new arrivals wake it at once). */
    WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(5_000),
    /** How long a webhook target may take to answer. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
    /** Dashboard aggregates kept per instance against the rollups' version (0 turns the cache off). */
    ROLLUP_CACHE_ENTRIES: z.coerce.number().int().min(0).default(1_000),
  })
  .transform((env) => {
    // Demo mode (playground, introspection, anonymous reads) is the default on the embedded database only.
    const APP_MODE = env.APP_MODE ?? (env.DATABASE_URL ? "production" : "demo");
    return {
      ...env,
      DATABASE_URL: env.DATABASE_URL || undefined,
      APP_MODE,
      REDIS_URL: env.REDIS_URL || undefined,
      RATE_LIMIT_POINTS_PER_MINUTE:
        env.RATE_LIMIT_POINTS_PER_MINUTE ?? (APP_MODE === "production" ? 200_000 : 1_000_000),
    };
  });

export type Env = z.infer<typeof envSchema>;

/** Reads and validates the environment once; exits with a readable message when it is wrong. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

// ── ingestion, review and bulk import (issue 4) ──

const ingestEnvSchema = z.object({
  /** Extracted claims and deals at or above this confidence (0..1) are accepted at once; unset keeps all PROPOSED. */
  AUTO_ACCEPT_CONFIDENCE: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().min(0).max(1, "AUTO_ACCEPT_CONFIDENCE is a confidence between 0 and 1").optional(),
  ),
  /** A reported deal joins a known one with the same type and parties announced within this many days. */
  DEAL_MATCH_WINDOW_DAYS: z.coerce.number().int().min(0).max(3650).default(365),
  /** Where the ingest CLI looks for a running API before opening the database itself. */
  API_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:4000/graphql"),
  /** The key the ingest CLI sends to that API (an ANALYST key: `npm run keys -- create …`). */
  INGEST_API_KEY: z.string().min(1).optional(),
});

export type IngestEnv = z.infer<typeof ingestEnvSchema>;

export function loadIngestEnv(source: NodeJS.ProcessEnv = process.env): IngestEnv {
  const parsed = ingestEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
