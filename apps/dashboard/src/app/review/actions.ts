"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { decide, undoReview, type ReviewDecision, type ReviewKind } from "@/data/review";
import { ApiError, ApiUnreachableError } from "@/lib/graphql";
import { reviewHref } from "@/lib/review-params";

const KINDS: readonly ReviewKind[] = ["CLAIM", "DEAL", "ENTITY"];
const DECISIONS: readonly ReviewDecision[] = ["ACCEPT", "REJECT"];

function text(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** An API refusal as words for the page; anything else is a fault and goes to the error page. */
function refusal(error: unknown): string {
  if (error instanceof ApiUnreachableError || error instanceof ApiError) return error.message;
  throw error;
}

/** Every view that counts accepted deals or lists proposed items changes with a decision. */
function revalidateViews() {
  revalidatePath("/", "layout");
}

/** Accept, reject (with a reason) or merge one proposed item; then back to the queue, saying what happened. */
export async function reviewItem(form: FormData): Promise<void> {
  const kind = text(form, "kind") as ReviewKind | null;
  const decision = text(form, "decision") as ReviewDecision | null;
  const id = text(form, "id");
  const after = text(form, "after") ?? undefined;
  const mergeIntoId = text(form, "mergeIntoId");
  const reason = text(form, "reason");
  if (!kind || !KINDS.includes(kind) || !decision || !DECISIONS.includes(decision) || !id) {
    redirect(reviewHref({ after, error: "That form was incomplete; nothing was changed." }));
  }
  if (decision === "REJECT" && !reason) {
    redirect(reviewHref({ after, error: "A rejection needs a reason; nothing was changed." }));
  }

  let target: string;
  try {
    const answer = await decide({ kind, id, decision, reason, mergeIntoId: kind === "ENTITY" ? mergeIntoId : null });
    const [problem] = answer.errors;
    target = problem
      ? reviewHref({ after, error: problem.message })
      : reviewHref({ after, done: answer.auditEventId ?? undefined });
    if (!problem) revalidateViews();
  } catch (error) {
    target = reviewHref({ after, error: refusal(error) });
  }
  redirect(target);
}

/** Takes a decision back (the item is proposed again). */
export async function undoDecision(form: FormData): Promise<void> {
  const auditEventId = text(form, "auditEventId");
  const after = text(form, "after") ?? undefined;
  if (!auditEventId) redirect(reviewHref({ after, error: "That form was incomplete; nothing was changed." }));

  let target: string;
  try {
    const [problem] = await undoReview(auditEventId);
    target = problem ? reviewHref({ after, error: problem.message }) : reviewHref({ after, undone: auditEventId });
    if (!problem) revalidateViews();
  } catch (error) {
    target = reviewHref({ after, error: refusal(error) });
  }
  redirect(target);
}
