/** True for a unique-constraint violation (Prisma P2002, or PostgreSQL 23505 through a driver adapter). */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, cause, meta } = error as {
    code?: string;
    cause?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  if (code === "P2002" || code === "23505") return true;
  if (meta?.driverAdapterError?.cause?.originalCode === "23505") return true;
  return cause ? isUniqueViolation(cause) : false;
}
