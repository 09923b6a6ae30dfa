"use client";

import { useEffect, useRef, useState } from "react";
import { recordVisit } from "@/app/watchlists/[id]/actions";
import { mergeArrivals, type LiveArrival } from "@/lib/live-events";
import { ArrivalList, formatArrivalTime } from "./arrival-list";
import styles from "./watchlists.module.css";

type FeedState = "static" | "connecting" | "live" | "paused" | "off";

const STATUS_TEXT: Record<FeedState, string> = {
  static: "Live updates need JavaScript: reload the page to see new arrivals.",
  connecting: "Connecting to live updates…",
  live: "Live: matching deals appear here as they are accepted.",
  paused: "Live updates paused, retrying…",
  off: "Live updates are off for this watchlist. Reload the page to try again.",
};

/** Waits this long after the last live arrival before recording the visit again. */
const RECORD_DELAY_MS = 1_000;

/**
 * The live feed: an EventSource on the dashboard's own relay (`/watchlists/<id>/events`), which holds the
 * API's key and address on the server. Arrivals go to the top of an aria-live region without a reload.
 * Once mounted (the page has shown what was new), it records the visit; it records it again after live
 * arrivals are shown while the page is visible, so they are not "new" on the next visit.
 */
export function LiveArrivals({ watchlistId, eventsUrl }: { watchlistId: string; eventsUrl: string }) {
  const [state, setState] = useState<FeedState>("static");
  const [arrivals, setArrivals] = useState<LiveArrival[]>([]);
  const [seenAt, setSeenAt] = useState<string | null>(null);
  const recording = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The visit: once after mount (the new arrivals are on screen by now).
  useEffect(() => {
    let cancelled = false;
    void recordVisit(watchlistId).then((answer) => {
      if (!cancelled && answer) setSeenAt(answer.lastSeenAt);
    });
    return () => {
      cancelled = true;
    };
  }, [watchlistId]);

  // …and again a moment after live arrivals were shown on a visible page.
  useEffect(() => {
    if (arrivals.length === 0) return;
    clearTimeout(recording.current);
    recording.current = setTimeout(() => {
      if (document.visibilityState !== "visible") return;
      void recordVisit(watchlistId).then((answer) => {
        if (answer) setSeenAt(answer.lastSeenAt);
      });
    }, RECORD_DELAY_MS);
    return () => clearTimeout(recording.current);
  }, [arrivals, watchlistId]);

  useEffect(() => {
    setState("connecting");
    const source = new EventSource(eventsUrl);
    source.addEventListener("ready", () => setState("live"));
    source.addEventListener("paused", () => setState("paused"));
    source.addEventListener("arrival", (event) => {
      const arrival = JSON.parse((event as MessageEvent<string>).data) as LiveArrival;
      setArrivals((current) => mergeArrivals(current, arrival));
      setState("live");
    });
    // CONNECTING: EventSource retries by itself; CLOSED: the relay said 404 (or refused), it will not retry.
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "off" : "paused");
    return () => source.close();
  }, [eventsUrl]);

  return (
    <section className={`card ${styles.live}`} aria-labelledby="live-title">
      <div className={styles.liveHead}>
        <h2 id="live-title">Arriving now</h2>
        <span className={`${styles.liveState} ${styles[`liveState_${state}`] ?? ""}`} role="status">
          {STATUS_TEXT[state]}
        </span>
      </div>
      <div aria-live="polite" aria-relevant="additions text" id="live-feed" className={styles.liveFeed}>
        {arrivals.length > 0 ? (
          <ArrivalList arrivals={arrivals.map((arrival) => ({ ...arrival, isNew: true }))} label="Arrived just now" />
        ) : (
          <p className="muted">
            Deals that arrive while this page is open appear here, newest first, without a reload.
          </p>
        )}
      </div>
      {seenAt ? (
        <p className={`muted ${styles.visit}`} data-visit-recorded={seenAt}>
          Visit recorded at {formatArrivalTime(seenAt)}: what arrives after it is new next time.
        </p>
      ) : null}
    </section>
  );
}
