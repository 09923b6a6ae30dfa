import { createReadStream, existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "@dealgraph/db";
import { seed } from "@dealgraph/db/seed";
import { AppError } from "../common/errors.ts";
import { loadEnv } from "../env.ts";
import { importDeals } from "../import/import.service.ts";
import { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";

// npm run import:deals -- <file.csv> [--alerts] [--batch <rows>] [--parallel <batches>]
// Imports an acquisitions export straight into the database the API uses (DATABASE_URL, or the
// embedded one in DATA_DIR: stop a running API first, one process owns that folder).
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    alerts: { type: "boolean", default: false },
    batch: { type: "string" },
    parallel: { type: "string" },
  },
});
const [file] = positionals;
if (!file || !existsSync(file)) {
  console.error("Usage: npm run import:deals -- <file.csv> [--alerts] [--batch <rows>] [--parallel <batches>]");
  process.exit(1);
}

const env = loadEnv();
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 4 });
try {
  if (env.SEED_ON_START) await seed(db.prisma);
  const catalog = await TaxonomyCatalog.load(db.prisma);
  const summary = await importDeals(
    { prisma: db.prisma, catalog, viewer: { actor: "system:import" } },
    createReadStream(file),
    {
      raiseAlerts: values.alerts,
      batchSize: values.batch ? Number(values.batch) : undefined,
      parallel: values.parallel ? Number(values.parallel) : undefined,
    },
  );
  const rate = summary.durationMs ? Math.round((summary.rows / summary.durationMs) * 1000) : summary.rows;
  console.log(
    `${summary.rows} rows in ${(summary.durationMs / 1000).toFixed(2)} s (${rate} rows/s): ` +
      `${summary.imported} deals imported, ${summary.alreadyImported} already there, ` +
      `${summary.companiesCreated} companies created, ${summary.rejected.length} rows rejected, ` +
      `${summary.warnings.length} warnings${summary.alertsRaised ? ", alerts raised" : ""}.`,
  );
  for (const problem of summary.rejected.slice(0, 50)) console.log(`  line ${problem.line}: ${problem.message}`);
  if (summary.rejected.length > 50) console.log(`  … and ${summary.rejected.length - 50} more rejected rows`);
  for (const problem of summary.warnings.slice(0, 20)) console.log(`  line ${problem.line} (kept): ${problem.message}`);
  if (summary.warnings.length > 20) console.log(`  … and ${summary.warnings.length - 20} more warnings`);
} catch (error) {
  if (error instanceof AppError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.close();
}
