import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { openDatabase, type Database } from "@dealgraph/db";
import { seed } from "@dealgraph/db/seed";
import { AppError } from "../common/errors.ts";
import { InputError } from "../common/validate.ts";
import { loadEnv, loadIngestEnv, type IngestEnv } from "../env.ts";
import { ingestArticle } from "../ingest/ingest.service.ts";
import { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";

// npm run ingest -- <file.txt | folder | file.jsonl> …
// Each article goes to the running API's ingestArticle mutation when one answers at API_URL
// (sending INGEST_API_KEY); otherwise this opens the database itself (DATABASE_URL, or the embedded one
// in DATA_DIR) and ingests through the same service. A `.txt` file may have a `.json` beside it
// with its metadata (title, url, publisher, publishedAt, language, boilerplate), as in
// prisma/data/articles/; a `.jsonl` file holds one article per line.

interface ArticleInput {
  title: string;
  text: string;
  url?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
  language?: string | null;
}

interface Source {
  /** Where it came from, for messages: a file, or a file and line. */
  origin: string;
  input?: ArticleInput;
  problem?: string;
}

interface Outcome {
  article?: { id: string; title: string } | null;
  duplicate?: boolean;
  proposed?: Record<string, number> | null;
  deals?: { title: string; status: string }[];
  errors: { message: string; field?: string[] | null }[];
}

const str = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** Article fields from a metadata object (a `.json` beside a text, or a `.jsonl` line). */
function fromMetadata(meta: Record<string, unknown>, text: string, fallbackTitle: string): ArticleInput {
  const boilerplate = Array.isArray(meta.boilerplate) ? meta.boilerplate.filter((b) => typeof b === "string") : [];
  const drop = new Set(boilerplate.map((line) => line.trim().toLowerCase()));
  const kept = drop.size ? text.split("\n").filter((line) => !drop.has(line.trim().toLowerCase())) : text.split("\n");
  const firstLine = text
    .split("\n")
    .find((line) => line.trim())
    ?.trim();
  return {
    title: str(meta.title) ?? firstLine?.slice(0, 300) ?? fallbackTitle,
    text: kept.join("\n"),
    url: str(meta.url),
    publisher: str(meta.publisher),
    publishedAt: str(meta.publishedAt),
    language: str(meta.language),
  };
}

function readTextFile(path: string): Source {
  const text = readFileSync(path, "utf8");
  const sidecar = path.replace(/\.txt$/i, ".json");
  let meta: Record<string, unknown> = {};
  if (sidecar !== path && existsSync(sidecar)) {
    try {
      meta = JSON.parse(readFileSync(sidecar, "utf8")) as Record<string, unknown>;
    } catch (error) {
      return { origin: path, problem: `${basename(sidecar)} is not valid JSON: ${(error as Error).message}` };
    }
  }
  return { origin: path, input: fromMetadata(meta, text, basename(path, extname(path))) };
}

function readJsonLines(path: string): Source[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .flatMap((line, index): Source[] => {
      if (!line.trim()) return [];
      const origin = `${path}:${index + 1}`;
      try {
        const meta = JSON.parse(line) as Record<string, unknown>;
        if (typeof meta.text !== "string") return [{ origin, problem: 'the line has no "text"' }];
        return [{ origin, input: fromMetadata(meta, meta.text, `${basename(path)} line ${index + 1}`) }];
      } catch (error) {
        return [{ origin, problem: `not valid JSON: ${(error as Error).message}` }];
      }
    });
}

function collect(target: string): Source[] {
  if (!existsSync(target)) return [{ origin: target, problem: "no such file or folder" }];
  if (statSync(target).isDirectory()) {
    return readdirSync(target)
      .filter((name) => /\.(txt|jsonl)$/i.test(name))
      .sort()
      .flatMap((name) => collect(join(target, name)));
  }
  if (/\.jsonl$/i.test(target)) return readJsonLines(target);
  if (/\.txt$/i.test(target)) return [readTextFile(target)];
  return [{ origin: target, problem: "expected a .txt file, a .jsonl file or a folder" }];
}

const MUTATION = `mutation Ingest($input: IngestArticleInput!) { ingestArticle(input: $input) {
  article { id title } duplicate proposed { entities claims deals attachedDeals mentions keptClaims autoAccepted }
  deals { title status } errors { message field } } }`;

/** Whether an API answers at the URL at all (any HTTP answer counts; a refused connection does not). */
async function apiAnswers(url: string): Promise<boolean> {
  try {
    await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
      signal: AbortSignal.timeout(2_000),
    });
    return true;
  } catch {
    return false;
  }
}

function viaApi(url: string, key: string | undefined) {
  return async (input: ArticleInput): Promise<Outcome> => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query: MUTATION, variables: { input } }),
      signal: AbortSignal.timeout(120_000),
    });
    const body = (await response.json().catch(() => null)) as {
      data?: { ingestArticle?: Outcome };
      errors?: { message: string; extensions?: { code?: string } }[];
    } | null;
    const fault = body?.errors?.[0];
    if (fault) {
      const code = fault.extensions?.code;
      if (code === "UNAUTHENTICATED" || code === "FORBIDDEN")
        throw new Error(`${fault.message} Set INGEST_API_KEY to an ANALYST key (npm run keys -- create …).`);
      throw new Error(`The API answered: ${fault.message}`);
    }
    if (!body?.data?.ingestArticle) throw new Error(`The API answered HTTP ${response.status} without a result.`);
    return body.data.ingestArticle;
  };
}

async function viaDatabase(db: Database, settings: IngestEnv) {
  const env = loadEnv();
  if (env.SEED_ON_START) await seed(db.prisma);
  const catalog = await TaxonomyCatalog.load(db.prisma);
  return async (input: ArticleInput): Promise<Outcome> => {
    try {
      const result = await ingestArticle({ prisma: db.prisma, catalog, viewer: { actor: "system:ingest" } }, input, {
        autoAcceptConfidence: settings.AUTO_ACCEPT_CONFIDENCE ?? null,
        dealWindowDays: settings.DEAL_MATCH_WINDOW_DAYS,
      });
      return { ...result, errors: [] };
    } catch (error) {
      if (error instanceof InputError) return { errors: error.issues };
      if (error instanceof AppError && error.isUserError)
        return { errors: [{ message: error.message, field: error.field }] };
      throw error;
    }
  };
}

function report(origin: string, outcome: Outcome): boolean {
  if (outcome.errors.length) {
    const reasons = outcome.errors.map((e) => `${e.field?.join(".") ?? "input"}: ${e.message}`).join("; ");
    console.log(`✗ ${origin}: ${reasons}`);
    return false;
  }
  if (outcome.duplicate) {
    console.log(`= ${origin}: already stored as "${outcome.article?.title}" (${outcome.article?.id})`);
    return true;
  }
  const p = outcome.proposed ?? {};
  const deals = (outcome.deals ?? []).map((d) => `${d.title} [${d.status}]`).join("; ");
  console.log(
    `✓ ${origin}: "${outcome.article?.title}": ${p.entities ?? 0} entities, ${p.claims ?? 0} claims, ` +
      `${p.deals ?? 0} new deals, ${p.attachedDeals ?? 0} known deals reported again` +
      `${p.autoAccepted ? `, ${p.autoAccepted} accepted at once` : ""}${deals ? `\n    deals: ${deals}` : ""}`,
  );
  return true;
}

const targets = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (!targets.length) {
  console.error("Usage: npm run ingest -- <file.txt | folder | file.jsonl> …");
  process.exit(1);
}
const sources = targets.flatMap(collect);
const settings = loadIngestEnv();
let db: Database | undefined;
let ok = true;
try {
  let ingest: (input: ArticleInput) => Promise<Outcome>;
  if (await apiAnswers(settings.API_URL)) {
    console.log(`Ingesting ${sources.length} article(s) through the API at ${settings.API_URL}.`);
    ingest = viaApi(settings.API_URL, settings.INGEST_API_KEY);
  } else {
    const env = loadEnv();
    console.log(
      `No API answers at ${settings.API_URL}: opening the database (${env.DATABASE_URL ? "PostgreSQL" : env.DATA_DIR}).`,
    );
    db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
    ingest = await viaDatabase(db, settings);
  }
  for (const source of sources) {
    if (!source.input) {
      console.log(`✗ ${source.origin}: ${source.problem}`);
      ok = false;
      continue;
    }
    ok = report(source.origin, await ingest(source.input)) && ok;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  ok = false;
} finally {
  await db?.close();
}
process.exitCode = ok ? 0 : 1;
