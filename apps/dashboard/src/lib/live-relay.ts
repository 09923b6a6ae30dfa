import { print } from "@0no-co/graphql.web";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { DealAddedSubscription, type DealAddedResult } from "@/data/watchlists";
import { env } from "./env";

/** The API's GraphQL URL as a WebSocket URL: http → ws, https → wss (same host, port and path). */
export function webSocketUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

export type ArrivalFeedHandlers = {
  /** The socket to the API is open and the subscription has been sent. */
  connected: () => void;
  arrival: (event: DealAddedResult["dealAdded"]) => void;
  /** The feed ended: the API refused the subscription, closed the socket, or could not be reached. */
  ended: (reason: string) => void;
};

/**
 * Subscribes to `dealAdded` for one watchlist on the API, over graphql-ws, with the dashboard's key.
 * Runs on the server only: the key and the API's address never leave this process. One socket per
 * subscriber, so one broken feed never takes others with it. Answers a function that closes it.
 */
export function subscribeToArrivals(watchlistId: string, handlers: ArrivalFeedHandlers): () => void {
  let ended = false;
  const end = (reason: string) => {
    if (ended) return;
    ended = true;
    handlers.ended(reason);
  };

  const client = createClient({
    url: webSocketUrl(env.API_URL),
    webSocketImpl: WebSocket,
    connectionParams: env.API_KEY ? { authorization: `Bearer ${env.API_KEY}` } : {},
    lazy: true,
    // The browser's EventSource reconnects (and the relay closes the gap on reconnect), so the
    // relay does not retry on its own: a lost socket ends this feed at once.
    retryAttempts: 0,
    keepAlive: 10_000,
    on: { connected: () => handlers.connected() },
  });

  const unsubscribe = client.subscribe<DealAddedResult>(
    { query: print(DealAddedSubscription), variables: { watchlistId } },
    {
      next: (result) => {
        if (result.errors?.length) {
          end(result.errors.map((error) => error.message).join("; "));
          return;
        }
        if (result.data) handlers.arrival(result.data.dealAdded);
      },
      error: (error: unknown) => end(describeError(error)),
      complete: () => end("the API ended the subscription"),
    },
  );

  return () => {
    ended = true;
    unsubscribe();
    void client.dispose();
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return error.map((item: { message?: string }) => item.message ?? "error").join("; ");
  if (error && typeof error === "object" && "code" in error) {
    const close = error as { code: number; reason?: string };
    return `socket closed (${close.code}${close.reason ? `: ${close.reason}` : ""})`;
  }
  return "unknown error";
}
