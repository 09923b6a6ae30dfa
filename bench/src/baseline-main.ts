// Child process: the plain node:http + pg server, for the benchmark.
import { startBaselineServer } from "./baseline-server.ts";

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl) throw new Error("BENCH_DATABASE_URL is not set");
const server = await startBaselineServer(databaseUrl);
process.send?.({ url: server.url });
process.on("SIGTERM", () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
