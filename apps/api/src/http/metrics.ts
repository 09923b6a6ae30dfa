import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics of one API process (served at /metrics). */
export function createMetrics(
  poolStats: () => { total: number; idle: number; waiting: number } | null,
  rollupCacheStats: () => { entries: number; hits: number; misses: number } | null = () => null,
) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "dealgraph_" });
  const requests = new Counter({
    name: "dealgraph_graphql_requests_total",
    help: "GraphQL operations by operation name and outcome (ok, error).",
    labelNames: ["operation", "outcome"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "dealgraph_graphql_request_duration_seconds",
    help: "GraphQL operation latency by operation name.",
    labelNames: ["operation"] as const,
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: "dealgraph_graphql_errors_total",
    help: "GraphQL errors by operation name and code.",
    labelNames: ["operation", "code"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "dealgraph_db_pool_connections",
    help: "Database pool connections by state (PostgreSQL only).",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = poolStats();
      if (!stats) return;
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  new Counter({
    name: "dealgraph_rollup_cache_lookups_total",
    help: "Dashboard aggregates answered from the rollup answer cache (hit) or computed (miss).",
    labelNames: ["result"] as const,
    registers: [registry],
    collect() {
      const stats = rollupCacheStats();
      if (!stats) return;
      this.reset();
      this.inc({ result: "hit" }, stats.hits);
      this.inc({ result: "miss" }, stats.misses);
    },
  });
  return { registry, requests, duration, errors };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Operation names come from clients: as metric labels and window keys they must not grow without
 * bound. The first `max` well-formed names are kept as they are; any other is counted as "other".
 */
export function operationLabels(max = 200) {
  const known = new Set<string>();
  return (name: string): string => {
    if (known.has(name)) return name;
    if (known.size >= max || !/^[A-Za-z_]\w{0,63}$/.test(name)) return "other";
    known.add(name);
    return name;
  };
}
