"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  deleteWatchlist,
  markWatchlistSeen,
  redeliverWebhook,
  removeWatchlistWebhook,
  setWatchlistWebhook,
} from "@/data/watchlists";
import { ApiError, ApiUnreachableError } from "@/lib/graphql";
import { watchlistHref, type WebhookFormState } from "@/lib/watchlist-form";

const formText = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/**
 * Records the visit (what arrived so far is no longer new). Called by the page after it has shown the
 * new arrivals, so it does not revalidate: the page keeps showing what was new when it opened.
 */
export async function recordVisit(watchlistId: string): Promise<{ lastSeenAt: string } | null> {
  try {
    const answer = await markWatchlistSeen(watchlistId);
    return answer.watchlist ? { lastSeenAt: answer.watchlist.lastSeenAt } : null;
  } catch (error) {
    if (error instanceof ApiUnreachableError || error instanceof ApiError) return null;
    throw error;
  }
}

/** Sets or replaces the webhook; the answer carries the signing secret, which is shown this once. */
export async function saveWebhook(
  watchlistId: string,
  _previous: WebhookFormState,
  form: FormData,
): Promise<WebhookFormState> {
  const url = formText(form, "url");
  if (!url) return { url, error: "Enter the URL to POST to.", secret: null };
  try {
    const answer = await setWatchlistWebhook(watchlistId, url);
    const [error] = answer.errors;
    if (error || !answer.secret)
      return { url, error: error?.message ?? "The API did not set the webhook.", secret: null };
    revalidatePath(watchlistHref(watchlistId));
    return { url: "", error: null, secret: answer.secret };
  } catch (error) {
    if (error instanceof ApiUnreachableError || error instanceof ApiError)
      return { url, error: error.message, secret: null };
    throw error;
  }
}

export async function removeWebhook(watchlistId: string): Promise<void> {
  await removeWatchlistWebhook(watchlistId);
  revalidatePath(watchlistHref(watchlistId));
}

export async function sendAgain(watchlistId: string, form: FormData): Promise<void> {
  const deliveryId = formText(form, "deliveryId");
  if (deliveryId) await redeliverWebhook(deliveryId);
  revalidatePath(watchlistHref(watchlistId));
}

export async function removeWatchlist(watchlistId: string): Promise<void> {
  await deleteWatchlist(watchlistId);
  revalidatePath("/watchlists");
  redirect("/watchlists?deleted=1");
}
