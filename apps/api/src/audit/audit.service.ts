import type { Prisma } from "@dealgraph/db";

export type Tx = Prisma.TransactionClient;

export interface Actor {
  /** Who did it: `user:<name>` for a key's user, or a system process such as "system:seed". */
  actor: string;
  requestId?: string;
}

export type AuditAction = "CREATE" | "UPDATE" | "DELETE" | "RESTORE" | "REVIEW" | "MERGE" | "UNMERGE" | "SEED";

/** Appends an audit event inside the caller's transaction: the change and its record commit together. */
export async function recordAudit(
  tx: Tx,
  who: Actor,
  event: { action: AuditAction; targetType: string; targetId: string; before?: unknown; after?: unknown },
) {
  return tx.auditEvent.create({
    data: {
      actor: who.actor,
      requestId: who.requestId,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      before: toJson(event.before),
      after: toJson(event.after),
    },
  });
}

/** Rows as plain JSON: dates as ISO strings, decimals and big integers as strings. */
export function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "bigint") return v.toString();
      if (v && typeof v === "object" && "toFixed" in v && "d" in v) return String(v);
      return v;
    }),
  ) as Prisma.InputJsonValue;
}
