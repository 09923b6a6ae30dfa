import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/** The Redis the multi-instance tests share (the machine's, unless TEST_REDIS_URL names another). */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A key prefix of its own per test file, so runs sharing one Redis never see each other. */
export const testNamespace = () => `dealgraph-test-${randomBytes(4).toString("hex")}`;

/**
 * Whether Redis answers. Without it a test that needs it says plainly that it is skipped, except
 * in CI, where Redis is part of the machine and its absence is a failure.
 */
export async function redisAvailable(what: string): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  const up = await probe.connect().then(
    () => probe.ping().then(() => true),
    () => false,
  );
  probe.disconnect();
  if (!up) {
    if (process.env.CI) throw new Error(`CI needs Redis at ${REDIS_URL} for ${what}.`);
    console.warn(`SKIPPED ${what}: no Redis at ${REDIS_URL}.`);
  }
  return up;
}

/** Removes every key a test wrote under its namespace. */
export async function dropNamespace(namespace: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${namespace}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
