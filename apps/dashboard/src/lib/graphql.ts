import { print } from "@0no-co/graphql.web";
import type { TadaDocumentNode } from "gql.tada";
import { env } from "./env";

const REQUEST_TIMEOUT_MS = 10_000;

/** The API could not be reached at all (down, refused, timed out): pages show a polite notice. */
export class ApiUnreachableError extends Error {
  readonly url: string;

  constructor(url: string, options?: { cause?: unknown }) {
    super(`The Dealgraph API is not reachable at ${url}`, options);
    this.name = "ApiUnreachableError";
    this.url = url;
  }
}

/** The API answered, but with errors (bad input, limits, internal faults). */
export class ApiError extends Error {
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined) {
    super(message);
    this.name = "ApiError";
    this.code = code;
  }
}

type GraphQLResponse<Result> = {
  data?: Result | null;
  errors?: ReadonlyArray<{ message: string; extensions?: { code?: unknown } }>;
};

/** Runs one typed operation against the API from the server (never from the browser). */
export async function queryApi<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
  };
  if (env.API_KEY) headers.authorization = `Bearer ${env.API_KEY}`;

  let response: Response;
  try {
    response = await fetch(env.API_URL, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: print(document), variables }),
      cache: "no-store",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ApiUnreachableError(env.API_URL, { cause: error });
  }

  let body: GraphQLResponse<Result>;
  try {
    body = (await response.json()) as GraphQLResponse<Result>;
  } catch (error) {
    // Not GraphQL at all: a proxy error page, a gateway timeout, the wrong URL.
    throw new ApiUnreachableError(env.API_URL, { cause: error });
  }

  const [firstError] = body.errors ?? [];
  if (firstError) {
    const code = typeof firstError.extensions?.code === "string" ? firstError.extensions.code : undefined;
    throw new ApiError(firstError.message, code);
  }
  if (!response.ok || body.data == null) {
    throw new ApiError(`The API answered ${response.status} without data`, undefined);
  }
  return body.data;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; url: string };

/** Loads page data; an unreachable API becomes a value the page renders, anything else is thrown on. */
export async function whenApiReachable<T>(load: () => Promise<T>): Promise<ApiResult<T>> {
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    if (error instanceof ApiUnreachableError) return { ok: false, url: error.url };
    throw error;
  }
}
