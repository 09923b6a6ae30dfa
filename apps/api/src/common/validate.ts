import { z } from "zod";
import { AppError, UserErrorCode, type UserError } from "./errors.ts";

/** A validation failure with every problem found, each with the path of its input field. */
export class InputError extends AppError {
  constructor(readonly issues: UserError[]) {
    super(UserErrorCode.VALIDATION, issues.map((issue) => issue.message).join(" "), issues[0]?.field ?? null);
  }
}

/** Parses a mutation input with its zod schema; problems become user errors under `input.…`. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => ({
      code: UserErrorCode.VALIDATION,
      message: issue.message,
      field: ["input", ...issue.path.map(String)],
    })),
  );
}

/** Shared field rules. */
export const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v === "" ? null : v));
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    "is not a real date",
  );
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD");
export const MAX_LIST = 50;
export const boundedList = <T extends z.ZodType>(item: T, max = MAX_LIST) =>
  z.array(item).max(max, `must hold at most ${max} items`);
