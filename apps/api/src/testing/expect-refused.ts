import { expect } from "vitest";
import type { PrismaClient } from "@dealgraph/db";
import type { Caller, OperationResult } from "./api-harness.ts";
import { tableCounts } from "./factories.ts";

type Payloads = Record<string, { errors: { code: string; field: string[] | null }[] } | null>;

/**
 * Runs a mutation that must be refused: a user error in its payload naming `field`, no GraphQL
 * error, and not one row changed in any table (the audit log included).
 */
export async function expectRefused(
  api: {
    run<T>(query: string, variables?: Record<string, unknown>, as?: Caller): Promise<OperationResult<T>>;
    readonly db: { prisma: PrismaClient };
  },
  mutation: string,
  variables: Record<string, unknown>,
  field: string,
  as?: Caller,
) {
  const before = await tableCounts(api.db.prisma);
  const result = await api.run<Payloads>(mutation, variables, as);
  expect(result.errors).toBeUndefined();
  const errors = Object.values(result.data)[0]?.errors ?? [];
  expect(
    errors.map((e) => e.field?.join(".")),
    JSON.stringify(result.data),
  ).toContain(field);
  expect(await tableCounts(api.db.prisma)).toEqual(before);
  return errors;
}
