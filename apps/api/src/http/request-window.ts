import type { Redis } from "ioredis";

// A rolling window of the last hour of GraphQL traffic per operation, minute by minute: request
// counts, errors and a latency histogram (for p95). Kept in memory, or in Redis when several API
// instances run, so that the "API health" page sees all of them.

const BOUNDS_MS = [5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, Infinity];
const MINUTE = 60_000;
const KEEP_MINUTES = 61;

interface MinuteStats {
  requests: number;
  errors: number;
  /** Counts per latency bucket (BOUNDS_MS). */
  histogram: number[];
}

export interface HealthPoint {
  minute: Date;
  requests: number;
  errors: number;
  p95Ms: number | null;
}

export interface OperationHealth {
  operation: string;
  requests: number;
  errors: number;
  p95Ms: number | null;
  series: HealthPoint[];
}

export interface RequestWindow {
  record(operation: string, durationMs: number, failed: boolean): void;
  read(minutes: number): Promise<OperationHealth[]>;
}

const bucketOf = (ms: number) => BOUNDS_MS.findIndex((bound) => ms <= bound);

function p95(histogram: number[]): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (!total) return null;
  let seen = 0;
  for (const [index, count] of histogram.entries()) {
    seen += count;
    if (seen >= total * 0.95)
      return Number.isFinite(BOUNDS_MS[index]) ? (BOUNDS_MS[index] ?? null) : (BOUNDS_MS.at(-2) ?? null);
  }
  return null;
}

/** Shapes per-minute stats into series for the last `minutes` minutes, busiest operation first. */
function summarise(byMinute: Map<number, Map<string, MinuteStats>>, minutes: number, now: number): OperationHealth[] {
  const last = now - (now % MINUTE);
  const first = last - (minutes - 1) * MINUTE;
  const operations = new Set<string>();
  for (const [minute, ops] of byMinute) if (minute >= first) for (const op of ops.keys()) operations.add(op);
  return [...operations]
    .map((operation) => {
      const total: MinuteStats = { requests: 0, errors: 0, histogram: BOUNDS_MS.map(() => 0) };
      const series: HealthPoint[] = [];
      for (let minute = first; minute <= last; minute += MINUTE) {
        const stats = byMinute.get(minute)?.get(operation);
        series.push({
          minute: new Date(minute),
          requests: stats?.requests ?? 0,
          errors: stats?.errors ?? 0,
          p95Ms: stats ? p95(stats.histogram) : null,
        });
        if (stats) {
          total.requests += stats.requests;
          total.errors += stats.errors;
          stats.histogram.forEach((count, i) => (total.histogram[i] = (total.histogram[i] ?? 0) + count));
        }
      }
      return { operation, requests: total.requests, errors: total.errors, p95Ms: p95(total.histogram), series };
    })
    .sort((a, b) => b.requests - a.requests || a.operation.localeCompare(b.operation));
}

export function memoryRequestWindow(): RequestWindow {
  const byMinute = new Map<number, Map<string, MinuteStats>>();
  return {
    record(operation, durationMs, failed) {
      const now = Date.now();
      const minute = now - (now % MINUTE);
      let ops = byMinute.get(minute);
      if (!ops) {
        ops = new Map();
        byMinute.set(minute, ops);
        for (const old of byMinute.keys()) if (old < minute - KEEP_MINUTES * MINUTE) byMinute.delete(old);
      }
      const stats = ops.get(operation) ?? { requests: 0, errors: 0, histogram: BOUNDS_MS.map(() => 0) };
      stats.requests += 1;
      if (failed) stats.errors += 1;
      const bucket = bucketOf(durationMs);
      stats.histogram[bucket] = (stats.histogram[bucket] ?? 0) + 1;
      ops.set(operation, stats);
    },
    async read(minutes) {
      return summarise(byMinute, minutes, Date.now());
    },
  };
}

/** One hash per minute (`dealgraph:window:<minute>`), fields `<operation>|<counter>`; expires after an hour. */
export function redisRequestWindow(redis: Redis, namespace: string, onError: (error: unknown) => void): RequestWindow {
  const key = (minute: number) => `${namespace}:window:${minute}`;
  return {
    record(operation, durationMs, failed) {
      const now = Date.now();
      const k = key(now - (now % MINUTE));
      const op = operation.replace(/\|/g, "_");
      const pipeline = redis
        .multi()
        .hincrby(k, `${op}|requests`, 1)
        .hincrby(k, `${op}|le${bucketOf(durationMs)}`, 1);
      if (failed) pipeline.hincrby(k, `${op}|errors`, 1);
      pipeline
        .expire(k, KEEP_MINUTES * 60)
        .exec()
        .catch(onError);
    },
    async read(minutes) {
      const now = Date.now();
      const last = now - (now % MINUTE);
      const minuteKeys = Array.from({ length: minutes }, (_, i) => last - i * MINUTE);
      const pipeline = redis.pipeline();
      for (const minute of minuteKeys) pipeline.hgetall(key(minute));
      const results = (await pipeline.exec()) ?? [];
      const byMinute = new Map<number, Map<string, MinuteStats>>();
      results.forEach(([, hash], index) => {
        const minute = minuteKeys[index];
        if (minute === undefined || !hash) return;
        const ops = new Map<string, MinuteStats>();
        for (const [field, value] of Object.entries(hash as Record<string, string>)) {
          const [op = "", counter = ""] = field.split("|");
          const stats = ops.get(op) ?? { requests: 0, errors: 0, histogram: BOUNDS_MS.map(() => 0) };
          if (counter === "requests") stats.requests = Number(value);
          else if (counter === "errors") stats.errors = Number(value);
          else if (counter.startsWith("le")) stats.histogram[Number(counter.slice(2))] = Number(value);
          ops.set(op, stats);
        }
        byMinute.set(minute, ops);
      });
      return summarise(byMinute, minutes, now);
    },
  };
}
