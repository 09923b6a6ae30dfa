import { z } from "zod";

/** An unset variable and an empty one mean the same thing. */
const optionalText = z.preprocess((value) => (value === "" ? undefined : value), z.string().min(1).optional());

const envSchema = z.object({
  /** The Dealgraph GraphQL endpoint, read on the server only. */
  API_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .url({ protocol: /^https?$/, error: "API_URL must be an http:// or https:// URL" })
      .default("http://127.0.0.1:4000/graphql"),
  ),
  /** Sent as `Authorization: Bearer …` from the server; never reaches the browser. */
  API_KEY: optionalText,
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid dashboard environment:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Validated once, when the server first loads this module. */
export const env: Env = loadEnv(process.env);
