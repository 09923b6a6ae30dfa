import { recentArrivals, watchlistExists } from "@/data/watchlists";
import { ApiError, ApiUnreachableError } from "@/lib/graphql";
import {
  RECONNECT_MS,
  arrivalsAfter,
  laterInstant,
  sseComment,
  sseMessage,
  toLiveArrival,
  type LiveArrival,
} from "@/lib/live-events";
import { subscribeToArrivals } from "@/lib/live-relay";
import { routeGlobalId } from "@/lib/watchlist-form";

// The live feed relay: Server-Sent Events to the browser, graphql-ws to the API. See ARCHITECTURE.md.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const HEARTBEAT_MS = 15_000;
/** A second look at recent arrivals this long after the subscription opened (see `backfill`). */
const SETTLE_MS = 1_500;

const STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform keeps the server's compression from buffering the stream.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

const encoder = new TextEncoder();

/** A 200 stream that says "paused" and ends: EventSource then reconnects after RECONNECT_MS. */
function pausedResponse(): Response {
  return new Response(`retry: ${RECONNECT_MS}\n\n${sseMessage("paused", {})}`, { headers: STREAM_HEADERS });
}

export async function GET(request: Request, context: RouteContext<"/watchlists/[id]/events">): Promise<Response> {
  const watchlistId = routeGlobalId((await context.params).id);

  // Not there or not the dashboard user's: 404, and EventSource stops for good.
  try {
    if (!(await watchlistExists(watchlistId))) return new Response("No such watchlist", { status: 404 });
  } catch (error) {
    if (error instanceof ApiError && (error.code === "BAD_USER_INPUT" || error.code === "NOT_FOUND")) {
      return new Response("No such watchlist", { status: 404 });
    }
    if (error instanceof ApiUnreachableError || error instanceof ApiError) return pausedResponse();
    throw error;
  }

  // Where the page (or the last event it received) left off: arrivals after it are sent first.
  const resumeFrom = laterInstant(request.headers.get("last-event-id"), new URL(request.url).searchParams.get("since"));

  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const sent = new Set<string>();
      let lastSent = resumeFrom;
      const timers: ReturnType<typeof setTimeout>[] = [];

      const write = (chunk: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      const send = (arrival: LiveArrival) => {
        if (sent.has(arrival.deal.id)) return;
        sent.add(arrival.deal.id);
        lastSent = laterInstant(lastSent, arrival.arrivedAt);
        write(sseMessage("arrival", arrival, arrival.arrivedAt));
      };
      // Arrivals between the page's render (or the last event) and the subscription's start.
      const backfill = async () => {
        try {
          for (const arrival of arrivalsAfter(await recentArrivals(watchlistId, lastSent ?? null), lastSent))
            send(toLiveArrival(arrival));
        } catch {
          // The subscription itself reports a lost API; a failed look back changes nothing here.
        }
      };

      write(`retry: ${RECONNECT_MS}\n\n`);
      const unsubscribe = subscribeToArrivals(watchlistId, {
        connected: () => {
          write(sseMessage("ready", {}));
          void backfill();
          // The API registers the subscription a moment after the socket opens; look once more.
          timers.push(setTimeout(() => void backfill(), SETTLE_MS));
        },
        arrival: (event) => send(toLiveArrival(event)),
        ended: () => {
          write(sseMessage("paused", {}));
          close();
        },
      });
      const heartbeat = setInterval(() => write(sseComment("heartbeat")), HEARTBEAT_MS);

      close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        for (const timer of timers) clearTimeout(timer);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the browser
        }
      };
      if (request.signal.aborted) close();
      request.signal.addEventListener("abort", () => close(), { once: true });
    },
    cancel() {
      close();
    },
  });

  return new Response(stream, { headers: STREAM_HEADERS });
}
