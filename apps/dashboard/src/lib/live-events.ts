/** The live feed's messages between the relay (server) and the page (browser): plain data, no server imports. */

/** One deal that arrived on a watchlist, reduced to what the page shows. */
export type LiveArrival = {
  arrivedAt: string;
  deal: {
    id: string;
    title: string;
    type: string;
    status: string;
    announced: string | null;
    regions: string[];
    sectors: string[];
    parties: string[];
  };
};

/** The API's shape of an arrival (a subscription event or an arrivals node), as far as the page needs it. */
export type ArrivalLike = {
  arrivedAt: string;
  deal: {
    id: string;
    title: string;
    type: string;
    status: string;
    announced: { label: string } | null;
    regions: ReadonlyArray<{ name: string }>;
    sectors: ReadonlyArray<{ name: string }>;
    participants: ReadonlyArray<{ entity: { name: string } }>;
  };
};

/** Only the fields the page shows: nothing else of the API's answer reaches the browser. */
export function toLiveArrival(arrival: ArrivalLike): LiveArrival {
  const { deal } = arrival;
  return {
    arrivedAt: arrival.arrivedAt,
    deal: {
      id: deal.id,
      title: deal.title,
      type: deal.type,
      status: deal.status,
      announced: deal.announced?.label ?? null,
      regions: deal.regions.map((region) => region.name),
      sectors: deal.sectors.map((sector) => sector.name),
      parties: [...new Set(deal.participants.map((participant) => participant.entity.name))],
    },
  };
}

/** Milliseconds the browser waits before it reconnects (sent as the stream's `retry:`). */
export const RECONNECT_MS = 5_000;

/** Event names on the stream. `arrival` carries a LiveArrival; `ready` says the subscription is open. */
export type LiveEventName = "arrival" | "ready" | "paused";

/** One Server-Sent Events message. Data is JSON on one line, so no line of it can end the message early. */
export function sseMessage(event: LiveEventName, data: unknown, id?: string): string {
  const lines = [`event: ${event}`];
  if (id) lines.push(`id: ${id.replace(/[\r\n]/g, "")}`);
  lines.push(`data: ${JSON.stringify(data)}`);
  return `${lines.join("\n")}\n\n`;
}

/** A comment line: ignored by EventSource, keeps proxies and idle timers from closing the stream. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]/g, " ")}\n\n`;
}

/** The later of two ISO instants (either may be missing or invalid). */
export function laterInstant(a: string | null | undefined, b: string | null | undefined): string | undefined {
  const time = (value: string | null | undefined) => (value ? Date.parse(value) : Number.NaN);
  const [ta, tb] = [time(a), time(b)];
  if (Number.isNaN(ta)) return Number.isNaN(tb) ? undefined : (b ?? undefined);
  if (Number.isNaN(tb)) return a ?? undefined;
  return ta >= tb ? (a ?? undefined) : (b ?? undefined);
}

/**
 * The arrivals after `since` (exclusive), oldest first: what a feed that (re)connects sends to close the
 * gap between the page's render, or its last event, and the moment the subscription opened.
 */
export function arrivalsAfter<T extends { arrivedAt: string }>(arrivals: readonly T[], since: string | undefined): T[] {
  const from = since ? Date.parse(since) : Number.NaN;
  if (Number.isNaN(from)) return [];
  return arrivals.filter((arrival) => Date.parse(arrival.arrivedAt) > from).toReversed();
}

/** Newest first, one entry per deal (a deal the feed repeats keeps its first place). */
export function mergeArrivals(current: readonly LiveArrival[], incoming: LiveArrival): LiveArrival[] {
  if (current.some((arrival) => arrival.deal.id === incoming.deal.id)) return [...current];
  return [incoming, ...current];
}
