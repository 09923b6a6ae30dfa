import Link from "next/link";
import { undoDecision } from "@/app/review/actions";
import type { ReviewRecord } from "@/data/review";
import { claimText } from "@/lib/claim-text";
import { humanize } from "@/lib/enums";
import { formatDate } from "@/lib/format";

/**
 * Whether a decision merged the entity into a known one. The log has no field for it (a merge keeps the
 * entity PROPOSED and sets its mergedInto), so it is read from the entity and the unchanged status.
 */
function isMerge(record: Pick<ReviewRecord, "kind" | "from" | "to" | "entity">): boolean {
  if (record.kind !== "ENTITY") return false;
  return Boolean(record.entity?.mergedInto) || (record.from === "PROPOSED" && record.to === "PROPOSED");
}

/** "accepted", "rejected", "merged": what a decision did, from the status it set. */
export function decisionVerb(record: Pick<ReviewRecord, "kind" | "from" | "to" | "entity">): string {
  if (isMerge(record)) return "merged";
  if (record.to === "ACCEPTED") return "accepted";
  if (record.to === "REJECTED") return "rejected";
  return "set back to proposed";
}

/** The kind and name of what a decision concerned: "deal “Northwind × Contoso strategic partnership”". */
export function recordSubject(record: ReviewRecord): string {
  const kind = humanize(record.kind).toLowerCase();
  const name = record.deal?.title ?? record.entity?.name ?? (record.claim ? claimText(record.claim) : "(deleted)");
  const into = isMerge(record) && record.entity?.mergedInto ? ` into “${record.entity.mergedInto.name}”` : "";
  return `${kind} “${name}”${into}`;
}

function subjectHref(record: ReviewRecord): string | null {
  if (record.deal) return `/deals/${encodeURIComponent(record.deal.id)}`;
  if (record.entity) return `/entities/${encodeURIComponent(record.entity.id)}`;
  return null;
}

/** Recent decisions, newest first, each with an Undo form (a Server Action) until it is undone. */
export function ReviewLog({ records, after }: { records: readonly ReviewRecord[]; after: string | undefined }) {
  if (records.length === 0) return <p className="muted">No decisions yet.</p>;
  return (
    <ol className="plain-list review-log">
      {records.map((record) => {
        const subject = recordSubject(record);
        const href = subjectHref(record);
        return (
          <li key={record.auditEventId}>
            <p>
              <strong>{humanize(decisionVerb(record))}</strong> {href ? <Link href={href}>{subject}</Link> : subject}
              {record.reason ? <> — “{record.reason}”</> : null}
            </p>
            <p className="muted">
              by {record.actor}, {formatDate(record.at)}
            </p>
            {record.undone ? (
              <span className="badge">Undone</span>
            ) : (
              <form action={undoDecision}>
                <input type="hidden" name="auditEventId" value={record.auditEventId} />
                {after ? <input type="hidden" name="after" value={after} /> : null}
                <button type="submit" className="button button--secondary button--small">
                  Undo
                  <span className="visually-hidden">
                    {" "}
                    “{decisionVerb(record)}” on {subject}
                  </span>
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ol>
  );
}
