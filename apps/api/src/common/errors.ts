import "reflect-metadata";
import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { Field, ObjectType, registerEnumType } from "type-graphql";

/** Codes of errors a user can fix; they travel in mutation payloads, never as GraphQL errors. */
export enum UserErrorCode {
  VALIDATION = "VALIDATION",
  NOT_FOUND = "NOT_FOUND",
  CONFLICT = "CONFLICT",
}
registerEnumType(UserErrorCode, { name: "UserErrorCode" });

/** Codes of GraphQL errors (`extensions.code`): authentication, limits and internal faults. */
export type FaultCode =
  "UNAUTHENTICATED" | "FORBIDDEN" | "BAD_USER_INPUT" | "RATE_LIMITED" | "INTERNAL_SERVER_ERROR" | "SERVICE_UNAVAILABLE";

/** The one domain error type. Services throw it; the edge maps it to a payload or a GraphQL error. */
export class AppError extends Error {
  constructor(
    readonly code: UserErrorCode | FaultCode,
    message: string,
    readonly field: string[] | null = null,
  ) {
    super(message);
    this.name = "AppError";
  }

  static validation(message: string, field: string[] | null = null) {
    return new AppError(UserErrorCode.VALIDATION, message, field);
  }
  static notFound(what: string, id: string, field: string[] | null = ["id"]) {
    return new AppError(UserErrorCode.NOT_FOUND, `${what} ${id} does not exist.`, field);
  }
  static conflict(message: string, field: string[] | null = null) {
    return new AppError(UserErrorCode.CONFLICT, message, field);
  }

  get isUserError(): boolean {
    return Object.values(UserErrorCode).includes(this.code as UserErrorCode);
  }
}

@ObjectType({ description: "Something wrong with the input; nothing was changed." })
export class UserError {
  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field(() => String)
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path of the input field at fault, e.g. ["input", "name"].' })
  field!: string[] | null;
}

export function toUserError(error: AppError): UserError {
  return { code: error.code as UserErrorCode, message: error.message, field: error.field };
}

/**
 * Runs a mutation's service call and answers user errors in the payload; anything else propagates
 * and becomes a masked GraphQL error.
 */
export async function payload<T extends object>(
  work: () => Promise<T>,
): Promise<(T & { errors: UserError[] }) | { errors: UserError[] }> {
  try {
    return { ...(await work()), errors: [] };
  } catch (error) {
    if (error instanceof AppError && error.isUserError) {
      const issues = (error as AppError & { issues?: UserError[] }).issues;
      return { errors: issues ?? [toUserError(error)] };
    }
    throw error;
  }
}

export interface FormatErrorOptions {
  /** Called with unexpected errors, which clients only see as a generic message with a request id. */
  onInternalError(error: unknown, formatted: GraphQLFormattedError): string | undefined;
}

/** Maps errors at the edge: known codes pass through, everything else is masked. */
export function createFormatError({ onInternalError }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      // User errors thrown while reading (a malformed id in a filter) are bad input, not faults.
      const code = original.isUserError ? "BAD_USER_INPUT" : original.code;
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code, ...(original.field ? { field: original.field } : {}) },
      };
    }
    if (isDatabaseUnavailable(original)) {
      return {
        message: "The database is unavailable; try again shortly.",
        path: formatted.path,
        extensions: {
          code: "SERVICE_UNAVAILABLE",
          ...(formatted.extensions?.requestId ? { requestId: formatted.extensions.requestId } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = onInternalError(original, formatted);
    return {
      message: `Internal error${requestId ? ` (request ${requestId})` : ""}. It has been logged.`,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR", ...(requestId ? { requestId } : {}) },
    };
  };
}

const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|server closed the connection|the database system is (starting up|shutting down)|terminating connection|Can't reach database|DatabaseNotReachable|P1001|P1017|P2024/i;

/** True for errors that mean "the database cannot be reached", as opposed to a bug. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { message, code, cause } = error as { message?: unknown; code?: unknown; cause?: unknown };
  if (
    typeof code === "string" &&
    /^(ECONNREFUSED|ECONNRESET|57P01|57P03|08006|08001|08003|P1001|P1017|P2024)$/.test(code)
  )
    return true;
  if (typeof message === "string" && UNAVAILABLE.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
