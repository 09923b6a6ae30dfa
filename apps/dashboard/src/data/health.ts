import { graphql } from "@/graphql";
import { env } from "@/lib/env";
import { ApiError, queryApi } from "@/lib/graphql";
import type { OperationHealth } from "@/lib/health-series";

const ApiHealthQuery = graphql(`
  query ApiHealth($minutes: Int) {
    apiHealth(minutes: $minutes) {
      operation
      requests
      errors
      p95Ms
      series {
        minute
        requests
        errors
        p95Ms
      }
    }
  }
`);

export type ApiHealth =
  | { status: "ok"; operations: OperationHealth[] }
  | { status: "no-key" }
  | { status: "denied"; code: string };

const DENIED = new Set(["UNAUTHENTICATED", "FORBIDDEN"]);

/** The API's traffic per operation; needs the dashboard's server-side key with the ANALYST role. */
export async function getApiHealth(minutes: number): Promise<ApiHealth> {
  if (!env.API_KEY) return { status: "no-key" };
  try {
    const data = await queryApi(ApiHealthQuery, { minutes });
    return {
      status: "ok",
      operations: data.apiHealth.map((operation) => ({
        ...operation,
        series: operation.series.map((point) => ({ ...point, minute: String(point.minute) })),
      })),
    };
  } catch (error) {
    if (error instanceof ApiError && error.code && DENIED.has(error.code)) return { status: "denied", code: error.code };
    throw error;
  }
}
