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
  })
  .transform((env) => ({
    ...env,
    DATABASE_URL: env.DATABASE_URL || undefined,
    // Demo mode (playground, introspection, anonymous reads) is the default on the embedded database only.
    APP_MODE: env.APP_MODE ?? (env.DATABASE_URL ? "production" : "demo"),
  }));

export type Env = z.infer<typeof envSchema>;

/** Reads and validates the environment once; exits with a readable message when it is wrong. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
