// Shared by `npm start` and `npm test`: on a fresh clone (or after the lockfile changed) install the
// npm packages first, so each of the README's commands works on its own.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export function ensureInstalled() {
  const marker = `${root}node_modules/.package-lock.json`;
  const lock = `${root}package-lock.json`;
  const fresh = !existsSync(marker);
  // A second of slack: npm writes both lockfiles in one install.
  if (!fresh && statSync(marker).mtimeMs + 1_000 >= statSync(lock).mtimeMs) return;
  console.log(
    `[dealgraph] ${fresh ? "installing npm packages from the lockfile (first run)" : "the lockfile changed: updating npm packages"}…`,
  );
  // `npm ci` on a fresh clone; an in-place `npm install` afterwards, which never wipes node_modules.
  const result = spawnSync("npm", [fresh ? "ci" : "install", "--no-audit", "--no-fund"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error("[dealgraph] npm ci failed; see above.");
    process.exit(1);
  }
}

/** Debian Chromium for the browser tests; installed through apt when missing and allowed (root). */
export function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return true;
  if (process.getuid?.() !== 0) {
    console.warn("[dealgraph] /usr/bin/chromium is missing and this user cannot install it: apt-get install chromium");
    return false;
  }
  console.log("[dealgraph] installing Debian's chromium for the browser tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
  const result = spawnSync("apt-get", ["install", "-y", "-q", "chromium"], { stdio: "inherit", env });
  return result.status === 0 && existsSync("/usr/bin/chromium");
}
