import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { OPS, type Vars } from "./ops.ts";
import type { Taxonomy } from "./plain-sql.ts";

interface Statement {
  text: string;
  values: unknown[];
}

/** Runs a plain operation once and returns the statements it sent, in order. */
async function recordStatements(pool: pg.Pool, taxonomy: Taxonomy, op: string, vars: Vars): Promise<Statement[]> {
  const run = OPS[op];
  if (!run) return [];
  const statements: Statement[] = [];
  const recorder = {
    query(text: string, values: unknown[] = []) {
      statements.push({ text, values });
      return pool.query(text, values);
    },
  };
  // Read operations only use `query`; the recorder stands in for the pool for them.
  await run(recorder as unknown as pg.Pool, taxonomy, vars);
  return statements;
}

export interface ExplainTarget {
  name: string;
  op: string;
  variables: Vars;
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement behind each target, into results/<name>.explain.txt. */
export async function explainScenarios(
  pool: pg.Pool,
  taxonomy: Taxonomy,
  name: string,
  targets: ExplainTarget[],
): Promise<string> {
  const sections: string[] = [];
  for (const target of targets) {
    const statements = await recordStatements(pool, taxonomy, target.op, target.variables);
    sections.push(`=== ${target.name} (${statements.length} statements) ===`);
    for (const statement of statements) {
      const plan = await pool.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
        statement.values,
      );
      sections.push(
        `--- ${statement.text.replace(/\s+/g, " ").trim()}`,
        `--- params: ${JSON.stringify(statement.values).slice(0, 300)}`,
        ...plan.rows.map((r) => r["QUERY PLAN"]),
        "",
      );
    }
  }
  const file = fileURLToPath(new URL(`../results/${name}.explain.txt`, import.meta.url));
  writeFileSync(file, `${sections.join("\n")}\n`);
  return file;
}
