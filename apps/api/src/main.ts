import { loadEnv } from "./env.ts";
import { createServer } from "./server.ts";

const started = performance.now();
let env;
try {
  env = loadEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const server = await createServer(env).catch((error: unknown) => {
  // Start-up problems (a database that does not answer, a folder another process holds) are
  // reported plainly; nothing is running yet that needs a stack trace.
  console.error(`Dealgraph API could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const url = await server.listen(env.PORT, env.HOST);
server.logger.info(
  {
    url: `${url}/graphql`,
    mode: env.APP_MODE,
    database: server.db.kind,
    startupMs: Math.round(performance.now() - started),
  },
  "Dealgraph API ready",
);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.logger.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => process.exit(1), 9_000);
    force.unref();
    // Not ready any more, but still serving for a moment: requests already on their way (a
    // connection accepted, its request not yet read) are answered instead of cut off.
    server.drain();
    setTimeout(() => void stop(), DRAIN_MS);
  });
}

const DRAIN_MS = 500;

function stop() {
  return server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      server.logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    },
  );
}
