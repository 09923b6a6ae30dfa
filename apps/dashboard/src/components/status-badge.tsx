import { humanize, type ReviewStatus } from "@/lib/enums";

/** Review status of a claim or deal, in words and colour. */
export function ReviewBadge({ status }: { status: ReviewStatus }) {
  return <span className={`badge badge--${status.toLowerCase()}`}>{humanize(status)}</span>;
}
