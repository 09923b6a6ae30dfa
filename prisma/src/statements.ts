import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts the SQL statements a unit of work sends, whichever driver runs them. The API opens a
 * scope per request (for metrics and the N+1 guard); the benchmark reads it per operation.
 */
export interface StatementScope {
  count: number;
}

const scopes = new AsyncLocalStorage<StatementScope>();

export function countStatements<T>(scope: StatementScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** Counts one statement sent outside Prisma (`Database.read`). */
export function recordStatement(): void {
  const scope = scopes.getStore();
  if (scope) scope.count += 1;
}

const COUNTED = new Set<PropertyKey>(["queryRaw", "executeRaw", "executeScript"]);
const WRAPPED = new Set<PropertyKey>(["connect", "connectToShadowDb", "startTransaction"]);

/** Wraps a Prisma driver adapter factory (and the adapters and transactions it makes) to count statements. */
export function instrumentAdapter<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== "function") return value;
      if (COUNTED.has(property)) {
        return (...args: unknown[]) => {
          recordStatement();
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      }
      if (WRAPPED.has(property)) {
        return async (...args: unknown[]) =>
          instrumentAdapter(await (value as (...a: unknown[]) => Promise<object>).apply(object, args));
      }
      return (value as (...a: unknown[]) => unknown).bind(object);
    },
  });
}
