import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A PostgreSQL server of the test's own (own data folder, own port), run as the `postgres` user
 * because the server refuses root. Never the machine's shared server.
 */
export interface OwnPostgres {
  url: string;
  stop(): void;
  start(): void;
  freeze(): void;
  thaw(): void;
  destroy(): void;
}

function findBinary(name: string): string | null {
  const found = spawnSync(
    "bash",
    ["-c", `command -v ${name} || ls /usr/lib/postgresql/*/bin/${name} 2>/dev/null | tail -n 1`],
    { encoding: "utf8" },
  );
  const path = found.stdout.trim().split("\n").at(-1);
  return path && existsSync(path) ? path : null;
}

export function canRunOwnPostgres(): boolean {
  return (
    process.getuid?.() === 0 &&
    findBinary("initdb") !== null &&
    findBinary("pg_ctl") !== null &&
    spawnSync("id", ["postgres"]).status === 0
  );
}

export function startOwnPostgres(port: number): OwnPostgres {
  const initdb = findBinary("initdb") ?? "initdb";
  const pgCtl = findBinary("pg_ctl") ?? "pg_ctl";
  const root = mkdtempSync(join(tmpdir(), "dealgraph-own-pg-"));
  chmodSync(root, 0o777);
  const data = join(root, "data");
  const asPostgres = (command: string, args: string[]) =>
    execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe", timeout: 60_000 });
  asPostgres(initdb, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const start = () =>
    asPostgres(pgCtl, [
      "-D",
      data,
      "-o",
      `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "-l",
      join(root, "log"),
      "-w",
      "start",
    ]);
  const postmasterPid = () => Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  const signalAll = (signal: string) => {
    const pid = postmasterPid();
    const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .stdout.trim()
      .split("\n")
      .filter(Boolean);
    for (const p of [String(pid), ...children]) spawnSync("kill", [`-${signal}`, p]);
  };
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => asPostgres(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]),
    start,
    freeze: () => signalAll("STOP"),
    thaw: () => signalAll("CONT"),
    destroy() {
      try {
        this.thaw();
      } catch {
        // not running
      }
      spawnSync("runuser", ["-u", "postgres", "--", pgCtl, "-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
