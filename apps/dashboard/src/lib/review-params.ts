import { buildHref, firstParam, type SearchParams } from "./search-params";

/** What /review shows: a queue page, and what the last decision did (from the URL, so it survives a reload). */
export type ReviewParams = {
  after: string | undefined;
  /** Audit event id of the decision just made. */
  done: string | undefined;
  /** Audit event id of the decision just taken back. */
  undone: string | undefined;
  /** The API's reason for refusing the last action. */
  error: string | undefined;
};

const MAX_ERROR_LENGTH = 300;

export function parseReviewParams(source: SearchParams | URLSearchParams): ReviewParams {
  return {
    after: firstParam(source, "after"),
    done: firstParam(source, "done"),
    undone: firstParam(source, "undone"),
    error: firstParam(source, "error")?.slice(0, MAX_ERROR_LENGTH),
  };
}

export function reviewHref(params: Partial<ReviewParams>): string {
  return buildHref("/review", {
    after: params.after,
    done: params.done,
    undone: params.undone,
    error: params.error?.slice(0, MAX_ERROR_LENGTH),
  });
}
