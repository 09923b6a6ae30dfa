import { LRUCache } from "lru-cache";
import type { Database } from "@dealgraph/db";

// Answers computed from the rollups, kept per API instance against the version of the rollups
// they were computed at. The version (`deal_rollup_state`) is the id of the last transaction that
// moved a rollup, stamped by the rollup refresh inside that transaction, and transaction ids are
// never reused. A request reads the version once, before computing anything, and an entry is
// served only while its version is still the current one: an answer is never older than the last
// write committed before the request began. Instances keep their own entries and read the same
// version, so several instances stay exact without sharing anything.
//
// lru-cache bounds the entries (least recently used out first); it is the cache Apollo Server
// itself uses, already installed with it.

interface Entry {
  version: bigint;
  /** Shared by requests that miss at the same time: one computation, not one per request. */
  answer: Promise<unknown>;
}

/** One request's view of the cache: it reads the rollup version at most once. */
export interface RollupCache {
  answer<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export class RollupAnswers {
  readonly #entries: LRUCache<string, Entry>;
  #hits = 0;
  #misses = 0;

  constructor(maxEntries = 1000) {
    this.#entries = new LRUCache({ max: maxEntries });
  }

  get stats() {
    return { entries: this.#entries.size, hits: this.#hits, misses: this.#misses };
  }

  /** `read`: the database's driver-level read (one short statement per request, so no Prisma round). */
  forRequest(read: Database["read"]): RollupCache {
    let version: Promise<bigint | null> | undefined;
    const current = () =>
      (version ??= read<{ version: bigint }>(
        { text: "SELECT version FROM deal_rollup_state WHERE id = 1", values: [] },
        { prepared: true },
      ).then(([row]) => row?.version ?? null));
    return {
      answer: async <T>(key: string, compute: () => Promise<T>): Promise<T> => {
        const at = await current();
        // No version row (a database whose rollups were emptied by hand): nothing is cached.
        if (at === null) return compute();
        const entry = this.#entries.get(key);
        if (entry?.version === at) {
          this.#hits += 1;
          return entry.answer as Promise<T>;
        }
        this.#misses += 1;
        const answer = compute();
        this.#entries.set(key, { version: at, answer });
        // A failed computation is not an answer: the next request tries again.
        answer.catch(() => {
          if (this.#entries.get(key)?.answer === answer) this.#entries.delete(key);
        });
        return answer;
      },
    };
  }
}
