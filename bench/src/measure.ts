import autocannon from "autocannon";

/** Latency summary in milliseconds. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarize(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

/** Runs `work` one call at a time: up to `runs` calls, or until `budgetMs` has passed (at least 5 calls). */
export async function serial(work: () => Promise<unknown>, runs: number, budgetMs: number): Promise<Latency> {
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < runs && (samples.length < 5 || performance.now() - started < budgetMs)) {
    const t = performance.now();
    await work();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  statements: number | null;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const statements = response.headers.get("x-sql-statements");
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text: the caller reports it
  }
  return { status: response.status, body: parsed, statements: statements === null ? null : Number(statements) };
}

export interface LoadResult {
  rps: number;
  latency: Latency;
  requests: number;
  errors: number;
  non2xx: number;
  /** Answers with a non-empty GraphQL `errors` list (HTTP 200 included). */
  graphqlErrors: number;
  /** Median of the `x-sql-statements` header over the run (null when the server does not send it). */
  statements: number | null;
}

export interface LoadOptions {
  url: string;
  body: () => unknown;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** Whether each request needs a fresh body (writes); otherwise one body is built and reused. */
  varying?: boolean;
}

/** One autocannon run at fixed concurrency; latencies recorded per response, percentiles computed here. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const samples: number[] = [];
  const statementCounts: number[] = [];
  let graphqlErrors = 0;
  const fixed = JSON.stringify(options.body());
  const started = performance.now();
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const settings: autocannon.Options = {
    url: options.url,
    method: "POST",
    connections: options.connections,
    duration: options.durationSeconds,
    headers: { "content-type": "application/json", ...options.headers },
    requests: [
      {
        method: "POST",
        ...(options.varying
          ? { setupRequest: (request) => ({ ...request, body: JSON.stringify(options.body()) }) }
          : { body: fixed }),
        onResponse: (_status, body, _context, headers) => {
          if (body.includes('"errors":[{')) graphqlErrors += 1;
          const count = (headers as Record<string, string | undefined>)["x-sql-statements"];
          if (count !== undefined && statementCounts.length < 10_000) statementCounts.push(Number(count));
        },
      },
    ],
  };
  const instance = autocannon(settings, (error, result) => (error ? fail(error) : finish(result)));
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    samples.push(responseTime);
  });
  const result = await done;
  const seconds = (performance.now() - started) / 1000;
  return {
    rps: samples.length / Math.max(seconds, options.durationSeconds),
    latency: summarize(samples),
    requests: samples.length,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    statements: statementCounts.length ? median(statementCounts) : null,
  };
}

/** Medians over repeats of each figure. */
export function medianOf(runs: LoadResult[]): LoadResult {
  const pick = (f: (r: LoadResult) => number) => median(runs.map(f));
  return {
    rps: pick((r) => r.rps),
    latency: {
      n: runs.reduce((s, r) => s + r.latency.n, 0),
      p50: pick((r) => r.latency.p50),
      p95: pick((r) => r.latency.p95),
      p99: pick((r) => r.latency.p99),
      mean: pick((r) => r.latency.mean),
    },
    requests: runs.reduce((s, r) => s + r.requests, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    graphqlErrors: runs.reduce((s, r) => s + r.graphqlErrors, 0),
    statements: runs[0]?.statements ?? null,
  };
}
