import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI wants a native schema engine it cannot download offline. `prisma generate`
// never runs it, so any existing file satisfies the check; migrations go through the wasm engine
// instead (src/migrate/).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
});
