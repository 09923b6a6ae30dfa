import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A server in a child process of its own, so load generation never shares its event loop. */
export interface ChildServer {
  name: string;
  url: string;
  pid: number;
  /** Resident set size and its peak so far, in bytes (from /proc). */
  memory(): { rss: number; peak: number };
  /** The child's live heap after a full collection (it must run with --expose-gc), in bytes. */
  heapAfterGc(): Promise<{ heapUsed: number; external: number; rss: number }>;
  stop(): Promise<void>;
}

/**
 * tsx applies a tsconfig only to the files it includes: the API's decorators need the API's own
 * (experimentalDecorators), so children compile with it.
 */
const tsconfig = fileURLToPath(new URL("../../apps/api/tsconfig.json", import.meta.url));

/** Forks `entry` (a TypeScript file beside this one, run through tsx) and waits for its `{ url }` message. */
export async function startChild(
  name: string,
  entry: string,
  env: Record<string, string>,
  nodeOptions: string[] = [],
): Promise<ChildServer> {
  const child: ChildProcess = fork(fileURLToPath(new URL(entry, import.meta.url)), [], {
    execArgv: ["--import", "tsx", ...nodeOptions],
    // As `npm start` runs the API: graphql-js skips its development-only checks in production.
    env: { ...process.env, NODE_ENV: "production", ...env, TSX_TSCONFIG_PATH: tsconfig },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: the child process did not start`);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: not ready after 120 s`)), 120_000);
    child.once("message", (message: { url?: string }) => {
      clearTimeout(timer);
      if (message.url) resolve(message.url);
      else reject(new Error(`${name}: unexpected message ${JSON.stringify(message)}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited with code ${code} before it was ready`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name,
    url,
    pid,
    memory() {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0) * 1024;
      return { rss: kb("VmRSS"), peak: kb("VmHWM") };
    },
    heapAfterGc() {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name}: no memory report within 10 s`)), 10_000);
        child.once("message", (message: { heapUsed: number; external: number; rss: number }) => {
          clearTimeout(timer);
          resolve(message);
        });
        child.send({ type: "heap" });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(pid, "SIGTERM");
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000).unref());
      if ((await Promise.race([exited, timeout])) === "timeout") {
        process.kill(pid, "SIGKILL");
        await exited;
      }
    },
  };
}
