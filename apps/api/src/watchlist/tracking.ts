import { createPubSub, type PubSub, type PubSubEventTarget } from "@graphql-yoga/subscription";
import type { Redis } from "ioredis";
import type { Arrival } from "./watchlist.arrivals.ts";

/** What travels between instances: plain JSON (dates as ISO strings). */
export interface ArrivalMessage {
  watchlistId: string;
  dealId: string;
  arrivedAt: string;
}

type Topics = Record<string, [watchlistId: string, message: ArrivalMessage]>;

/**
 * An event target over Redis pub/sub (one channel per watchlist, subscribed while someone
 * listens). Like @graphql-yoga/redis-event-target, but a Redis that is down costs a logged
 * warning instead of an unhandled rejection: the arrivals are in the database either way.
 */
function redisEventTarget(
  clients: { publish: Redis; subscribe: Redis },
  onError: (error: unknown) => void,
): PubSubEventTarget<Topics> {
  const listeners = new Map<string, Set<(event: CustomEvent<ArrivalMessage>) => void>>();
  clients.subscribe.on("message", (channel: string, message: string) => {
    const callbacks = listeners.get(channel);
    if (!callbacks) return;
    const event = new CustomEvent<ArrivalMessage>(channel, { detail: JSON.parse(message) as ArrivalMessage });
    for (const callback of callbacks) callback(event);
  });
  const callbackOf = (listener: EventListenerOrEventListenerObject | null) =>
    listener && ("handleEvent" in listener ? listener.handleEvent.bind(listener) : listener);
  return {
    addEventListener(channel, listener) {
      const callback = callbackOf(listener as EventListenerOrEventListenerObject | null);
      if (!callback) return;
      let callbacks = listeners.get(channel);
      if (!callbacks) {
        callbacks = new Set();
        listeners.set(channel, callbacks);
        clients.subscribe.subscribe(channel).catch(onError);
      }
      callbacks.add(callback as (event: CustomEvent<ArrivalMessage>) => void);
    },
    removeEventListener(channel, listener) {
      const callback = callbackOf(listener as EventListenerOrEventListenerObject | null);
      const callbacks = listeners.get(channel);
      if (!callback || !callbacks) return;
      callbacks.delete(callback as (event: CustomEvent<ArrivalMessage>) => void);
      if (callbacks.size) return;
      listeners.delete(channel);
      clients.subscribe.unsubscribe(channel).catch(onError);
    },
    dispatchEvent(event) {
      clients.publish.publish(event.type, JSON.stringify(event.detail)).catch(onError);
      return true;
    },
  };
}

/**
 * Announces deals arriving on watchlists to live subscribers, and wakes the webhook worker.
 * With Redis the announcement fans out to every instance (each subscriber hears it once, on
 * the instance it is connected to); without Redis it stays in this process. The arrivals
 * themselves are already in the database by then: a subscriber that was away reads them back.
 */
export class Tracking {
  private readonly pubSub: PubSub<Topics>;
  private readonly topic: string;

  private readonly onArrivals: (() => void) | undefined;

  constructor(options: {
    namespace: string;
    redis?: { publish: Redis; subscribe: Redis };
    onRedisError?: (error: unknown) => void;
    onArrivals?: () => void;
  }) {
    this.topic = `${options.namespace}:dealAdded`;
    this.onArrivals = options.onArrivals;
    this.pubSub = createPubSub<Topics>(
      options.redis ? { eventTarget: redisEventTarget(options.redis, options.onRedisError ?? (() => {})) } : {},
    );
  }

  /** Call after the transaction that recorded the arrivals has committed. */
  announce(arrivals: Arrival[]) {
    if (!arrivals.length) return;
    for (const arrival of arrivals) {
      this.pubSub.publish(this.topic, arrival.watchlistId, {
        watchlistId: arrival.watchlistId,
        dealId: arrival.dealId,
        arrivedAt: arrival.arrivedAt.toISOString(),
      });
    }
    this.wake();
  }

  /** Wakes the webhook worker: there may be deliveries to send. */
  wake() {
    this.onArrivals?.();
  }

  /** Arrivals on one watchlist, as they are announced on any instance. */
  subscribe(watchlistId: string): AsyncIterable<ArrivalMessage> {
    return this.pubSub.subscribe(this.topic, watchlistId);
  }
}
