import { parseArgs } from "node:util";
import { openDatabase } from "@dealgraph/db";
import { createApiKey, revokeApiKey } from "../auth/auth.service.ts";
import { InputError } from "../common/validate.ts";
import { AppError } from "../common/errors.ts";
import { loadEnv } from "../env.ts";

// npm run keys -- create --user <name> --role VIEWER|ANALYST|ADMIN --name <what for> [--rate-points <n>|<n>x]
//                        [--revoke-previous] [--quiet]
// npm run keys -- revoke <prefix>
// npm run keys -- list
// Opens the database directly (the same DATABASE_URL / DATA_DIR as the API): use it while the
// embedded database is not owned by a running API, or against PostgreSQL at any time.
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    user: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    "rate-points": { type: "string" },
    "revoke-previous": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
});
const [command, target] = positionals;

/**
 * `--rate-points`: cost points per minute, or a multiple of the API's own budget ("20x" of
 * RATE_LIMIT_POINTS_PER_MINUTE or its default; nothing when rate limiting is off).
 */
function ratePoints(value: string | undefined): number | null {
  if (value === undefined) return null;
  const multiple = /^(\d+)x$/.exec(value);
  if (multiple) {
    const points = Number(multiple[1]) * env.RATE_LIMIT_POINTS_PER_MINUTE;
    return points > 0 ? Math.min(points, 1_000_000_000) : null;
  }
  if (!/^\d+$/.test(value))
    throw new Error('--rate-points takes cost points per minute ("4000000") or a multiple of the default ("20x")');
  return Number(value);
}
const env = loadEnv();
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
const cli = { prisma: db.prisma, viewer: { actor: "system:cli" } as const };

try {
  if (command === "create") {
    if (!values.user || !values.role || !values.name) throw new Error("create needs --user, --role and --name");
    if (values["revoke-previous"]) {
      const previous = await db.prisma.apiKey.findMany({
        where: { name: values.name, revokedAt: null, user: { name: values.user } },
      });
      for (const key of previous)
        await revokeApiKey({ ...cli, viewer: { actor: "system:cli", role: "ADMIN" } }, key.prefix);
    }
    const { key, apiKey, user } = await createApiKey(
      { ...cli, viewer: { actor: "system:cli", role: "ADMIN" } },
      {
        userName: values.user,
        role: values.role as never,
        keyName: values.name,
        ratePointsPerMinute: ratePoints(values["rate-points"]),
      },
    );
    if (values.quiet) console.log(key);
    else
      console.log(
        `Created key ${apiKey.prefix} for ${user.name} (${user.role}). It is shown once; store it now:\n\n  ${key}\n`,
      );
  } else if (command === "revoke" && target) {
    const { apiKey } = await revokeApiKey({ ...cli, viewer: { actor: "system:cli", role: "ADMIN" } }, target);
    console.log(`Revoked ${apiKey.prefix}.`);
  } else if (command === "list") {
    const keys = await db.prisma.apiKey.findMany({ include: { user: true }, orderBy: { createdAt: "desc" } });
    for (const k of keys) {
      console.log(
        `${k.prefix}  ${k.user.name.padEnd(16)} ${k.user.role.padEnd(8)} ${k.name.padEnd(24)} ${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active"}${k.ratePointsPerMinute ? `  ${k.ratePointsPerMinute} points/min` : ""}`,
      );
    }
  } else {
    console.error(
      "Usage: npm run keys -- create --user <name> --role VIEWER|ANALYST|ADMIN --name <purpose> [--rate-points <per minute>|<multiple>x] | revoke <prefix> | list",
    );
    process.exitCode = 1;
  }
} catch (error) {
  const message =
    error instanceof InputError
      ? error.issues.map((i) => `${i.field?.join(".")}: ${i.message}`).join("\n")
      : error instanceof AppError || error instanceof Error
        ? error.message
        : String(error);
  console.error(message);
  process.exitCode = 1;
} finally {
  await db.close();
}
