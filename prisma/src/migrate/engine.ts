import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { readMigrations } from "./files.ts";
import { migrationsDir, schemaPath } from "../paths.ts";

// Prisma 7's `migrate` drives a native binary that cannot be downloaded here. The same engine
// ships as wasm; we drive it over an in-memory PGlite (its shadow databases are fresh PGlites), so
// authoring migrations needs no server at all. Applying them is done by ./apply.ts.

let loaded = false;
function loadEngineOnce(): void {
  if (loaded) return;
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  const module = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": engineModule as unknown as WebAssembly.ModuleImports,
  });
  engineModule.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  loaded = true;
}

/** SQL that takes a database from the committed migrations to schema.prisma ("" when in sync). */
export async function diffMigrationsToSchema(): Promise<string> {
  loadEngineOnce();
  const schema = readFileSync(schemaPath, "utf8");
  const pglite = new PGlite();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
  const engine = await engineModule.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
  const migrations = readMigrations();
  const result = await engine.diff({
    from: {
      tag: "migrations",
      baseDir: migrationsDir,
      lockfile: {
        path: "migration_lock.toml",
        content: readFileSync(`${migrationsDir}/migration_lock.toml`, "utf8"),
      },
      shadowDbInitScript: "",
      migrationDirectories: migrations.map((m) => ({
        path: m.name,
        migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
      })),
    },
    to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  engine.free();
  await pglite.close();
  const sql = (result.stdout ?? "").trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}
