import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";
import type { Redis } from "ioredis";

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
  remaining: number;
}

/** Cost-based fixed-window rate limiting per caller (a key, or an address for anonymous readers). */
export interface RateLimiter {
  /** `pointsPerMinute`: the caller's own budget (a key's), instead of the limiter's default. */
  consume(caller: string, cost: number, pointsPerMinute?: number): Promise<RateDecision>;
}

const WINDOW_MS = 60_000;

export function memoryRateLimiter(defaultPointsPerMinute: number): RateLimiter {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    async consume(caller, cost, pointsPerMinute = defaultPointsPerMinute) {
      const now = Date.now();
      let window = windows.get(caller);
      if (!window || now - window.start >= WINDOW_MS) {
        window = { start: now - (now % WINDOW_MS), used: 0 };
        windows.set(caller, window);
        if (windows.size > 50_000) for (const [k, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(k);
      }
      window.used += cost;
      const retryAfterSeconds = Math.ceil((window.start + WINDOW_MS - now) / 1000);
      return {
        allowed: window.used <= pointsPerMinute,
        retryAfterSeconds,
        remaining: Math.max(0, pointsPerMinute - window.used),
      };
    },
  };
}

/** The same limiter shared by every API instance through Redis (one INCRBY per request). */
export function redisRateLimiter(redis: Redis, namespace: string, defaultPointsPerMinute: number): RateLimiter {
  return {
    async consume(caller, cost, pointsPerMinute = defaultPointsPerMinute) {
      const now = Date.now();
      const windowStart = now - (now % WINDOW_MS);
      const key = `${namespace}:rate:${caller}:${windowStart}`;
      const results = await redis
        .multi()
        .incrby(key, cost)
        .pexpire(key, WINDOW_MS + 1_000)
        .exec();
      const used = Number(results?.[0]?.[1] ?? 0);
      const retryAfterSeconds = Math.ceil((windowStart + WINDOW_MS - now) / 1000);
      return { allowed: used <= pointsPerMinute, retryAfterSeconds, remaining: Math.max(0, pointsPerMinute - used) };
    },
  };
}

const DEFAULT_LIST_SIZE = 20;
const LIST_ARGS = new Set(["first", "sectorLimit", "regionLimit"]);

/**
 * What an operation may cost: every field counts once per object it can be asked for, so a field
 * under `deals(first: 50)` counts 50 times. An upper bound known before execution.
 */
export function estimateCost(
  document: DocumentNode,
  operationName?: string | null,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operation =
    document.definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
    ) ?? document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 1;

  const multiplierOf = (field: FieldNode): number => {
    for (const argument of field.arguments ?? []) {
      if (!LIST_ARGS.has(argument.name.value)) continue;
      const value = argument.value;
      if (value.kind === Kind.INT) return Math.max(1, Number(value.value));
      if (value.kind === Kind.VARIABLE) {
        const v = variables[value.name.value];
        return typeof v === "number" && v > 0 ? v : DEFAULT_LIST_SIZE;
      }
    }
    return field.selectionSet &&
      /s$|Connection$|nodes|edges|history|claims|evidence|mentions|aliases|units|participants|regions|sectors|children/.test(
        field.name.value,
      )
      ? DEFAULT_LIST_SIZE
      : 1;
  };

  const walk = (set: SelectionSetNode, multiplier: number, depth: number, seen: Set<string>): number => {
    if (depth > 30) return 1_000_000;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += multiplier;
        if (selection.selectionSet) {
          const inner = ["nodes", "edges", "node"].includes(selection.name.value)
            ? multiplier
            : multiplier * multiplierOf(selection);
          cost += walk(selection.selectionSet, Math.min(inner, 1_000_000), depth + 1, seen);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(selection.selectionSet, multiplier, depth + 1, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value))
          cost += walk(fragment.selectionSet, multiplier, depth + 1, new Set([...seen, fragment.name.value]));
      }
    }
    return Math.min(cost, 10_000_000);
  };
  return Math.max(1, walk(operation.selectionSet, 1, 0, new Set()));
}
