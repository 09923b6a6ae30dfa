import { z } from "zod";
import type { OpenDatabaseOptions } from "../index.ts";

// The database scripts read the same two variables as the API: DATABASE_URL, or the embedded
// database's folder DATA_DIR (default ./data/pglite at the repository root).
const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z
    .string()
    .min(1)
    .default(new URL("../../../data/pglite", import.meta.url).pathname),
});

export function databaseOptionsFromEnv(): OpenDatabaseOptions {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    console.error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
    process.exit(1);
  }
  return { url: parsed.data.DATABASE_URL || undefined, dataDir: parsed.data.DATA_DIR };
}
