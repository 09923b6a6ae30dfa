// Child process: the real API (createServer) on a loopback port, for the benchmark.
import { loadEnv } from "../../apps/api/src/env.ts";
import { createServer } from "../../apps/api/src/server.ts";

const env = loadEnv({
  DATABASE_URL: process.env.BENCH_DATABASE_URL,
  SEED_ON_START: "false",
  LOG_LEVEL: "silent",
  APP_MODE: "demo",
  // The benchmark measures the service, not the limiter: rate limiting off where the API has it.
  RATE_LIMIT_POINTS_PER_MINUTE: "0",
  // `npm run bench -- --no-rollup-cache` measures the aggregates computed on every request.
  ROLLUP_CACHE_ENTRIES: process.env.ROLLUP_CACHE_ENTRIES,
});
const server = await createServer(env);
const url = await server.listen(0, "127.0.0.1");
process.send?.({ url: `${url}/graphql` });
// The soak asks for the live heap: a full collection first (with --expose-gc), so that what is
// reported is what is still referenced, not garbage waiting for the collector.
process.on("message", (message: { type?: string }) => {
  if (message.type !== "heap") return;
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, external, rss } = process.memoryUsage();
  process.send?.({ heapUsed, external, rss });
});
process.on("SIGTERM", () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
