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

/**
 * Wraps a Prisma driver adapter factory (and the adapters and transactions it makes) to count
 * statements. Inside a transaction, statements also go one after another: Prisma's query
 * interpreter fetches an `include`'s relations concurrently, which on a transaction's single pg
 * client is deprecated (pg warns "client.query() when the client is already executing a query",
 * and pg 9 refuses it; prisma/orm#29468). pg queued them anyway, so nothing waits longer.
 */
export function instrumentAdapter<T extends object>(target: T, inTransaction = false): T {
  let tail: Promise<unknown> = Promise.resolve();
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== "function") return value;
      if (COUNTED.has(property)) {
        return (...args: unknown[]) => {
          recordStatement();
          const send = () => (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
          if (!inTransaction) return send();
          const sent = tail.then(send);
          tail = sent.catch(() => {});
          return sent;
        };
      }
      if (WRAPPED.has(property)) {
        return async (...args: unknown[]) =>
          instrumentAdapter(
            await (value as (...a: unknown[]) => Promise<object>).apply(object, args),
            inTransaction || property === "startTransaction",
          );
      }
      return (value as (...a: unknown[]) => unknown).bind(object);
    },
  });
}
