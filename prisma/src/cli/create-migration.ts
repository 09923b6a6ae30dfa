import { mkdirSync, writeFileSync } from "node:fs";
import { diffMigrationsToSchema } from "../migrate/engine.ts";
import { migrationsDir } from "../paths.ts";

// `npm run db:migration:create -- <name>` writes the SQL that brings the committed migrations
// up to schema.prisma. `--check` fails when schema.prisma has changes no migration holds (CI).
const args = process.argv.slice(2);
const sql = await diffMigrationsToSchema();

if (args.includes("--check")) {
  if (sql) {
    console.error("schema.prisma has changes that no migration holds. Run: npm run db:migration:create -- <name>\n");
    console.error(sql);
    process.exit(1);
  }
  console.log("Migrations match schema.prisma.");
  process.exit(0);
}

const name = args[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:create -- <snake_case_name> [--check]");
  process.exit(1);
}
if (!sql) {
  console.log("Nothing to do: migrations already match schema.prisma.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = `${migrationsDir}/${stamp}_${name}`;
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/migration.sql`, `${sql}\n`);
console.log(`Wrote ${dir}/migration.sql`);
