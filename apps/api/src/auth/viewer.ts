import type { Role } from "@dealgraph/db";
import type { AuthChecker } from "type-graphql";
import { Authorized, Extensions } from "type-graphql";
import { AppError } from "../common/errors.ts";

/** Who is asking: a key's user, or an anonymous reader in demo mode. */
export interface Viewer {
  /** What the audit log records: `user:<name>`, or `anonymous`. */
  actor: string;
  role: Role | null;
  userId?: string;
  keyId?: string;
  /** The key's own rate budget (cost points per minute), when it has one. */
  ratePointsPerMinute?: number | null;
  requestId?: string;
}

const RANK: Record<Role, number> = { VIEWER: 1, ANALYST: 2, ADMIN: 3 };

export function hasRole(viewer: Pick<Viewer, "role">, needed: Role): boolean {
  return viewer.role !== null && RANK[viewer.role] >= RANK[needed];
}

/**
 * The authorisation rule of a field or mutation: the least role that may use it. It also leaves
 * the rule in the schema's extensions, where a test checks that no mutation or sensitive field
 * lacks one (default deny).
 */
export function Authorize(role: Role) {
  const authorized = Authorized(role);
  const extensions = Extensions({ authorize: role });
  return <T>(prototype: object, propertyKey: string | symbol, descriptor?: TypedPropertyDescriptor<T>): void => {
    authorized(prototype, propertyKey, descriptor as unknown as TypedPropertyDescriptor<never>);
    extensions(prototype, propertyKey, descriptor as unknown as TypedPropertyDescriptor<never>);
  };
}

/** Marks a field whose value is confidential; such fields must carry an `Authorize` rule. */
export const Sensitive = () => Extensions({ sensitive: true });

export const authChecker: AuthChecker<{ viewer: Viewer }, Role> = ({ context }, roles) => {
  const needed = roles[0] ?? "ADMIN";
  if (hasRole(context.viewer, needed)) return true;
  if (context.viewer.role === null)
    throw new AppError("UNAUTHENTICATED", "This needs an API key: send Authorization: Bearer <key>.");
  throw new AppError("FORBIDDEN", `This needs the ${needed} role; your key has ${context.viewer.role}.`);
};
