import "reflect-metadata";
import { Kind, type GraphQLResolveInfo, type SelectionNode } from "graphql";
import { Field, ID, Int, InterfaceType, ObjectType, type ClassType } from "type-graphql";
import { AppError } from "./errors.ts";

/** Type names that can stand in a global id. */
export type NodeTypeName =
  | "Article"
  | "Entity"
  | "Claim"
  | "Evidence"
  | "Deal"
  | "Mention"
  | "Region"
  | "Sector"
  | "ApiKey"
  | "Watchlist"
  | "Webhook"
  | "WebhookDelivery";

const NODE_TYPES = new Set<string>([
  "Article",
  "Entity",
  "Claim",
  "Evidence",
  "Deal",
  "Mention",
  "Region",
  "Sector",
  "ApiKey",
  "Watchlist",
  "Webhook",
  "WebhookDelivery",
]);

/** Global ids are opaque: base64url of "Type:localId". */
export function toGlobalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`).toString("base64url");
}

export function fromGlobalId(globalId: string): { type: NodeTypeName; id: string } | null {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (!NODE_TYPES.has(type) || !id) return null;
  return { type: type as NodeTypeName, id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a cursor or an id is a UUID (the database would refuse anything else). */
export const isUuid = (value: string) => UUID.test(value);

/** Whether a value from a cursor is an ISO timestamp as the API writes them (`toISOString`). */
export const isTimestamp = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value) && !Number.isNaN(Date.parse(value));

/** Decodes a global id of the expected type into its local (UUID) id, or throws a user error. */
export function decodeId(globalId: string, type: NodeTypeName, field: string[] = ["id"]): string {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type || !UUID.test(decoded.id)) {
    throw AppError.validation(`"${globalId}" is not the id of a ${type}.`, field);
  }
  return decoded.id;
}

/** Like decodeId, but for reads: an id of the wrong type simply finds nothing. */
export function tryDecodeId(globalId: string, type: NodeTypeName): string | null {
  const decoded = fromGlobalId(globalId);
  return decoded && decoded.type === type && UUID.test(decoded.id) ? decoded.id : null;
}

/** Marks a row with its GraphQL type, for fields that return an interface or a union. */
export function asNode<T extends object>(type: NodeTypeName, row: T): T & { __typename: NodeTypeName } {
  return Object.assign(row, { __typename: type });
}

@InterfaceType({
  description: "An object with a global id (Relay).",
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** A page of rows plus the means to count them all, lazily: `totalCount` costs a query only when asked. */
export interface ConnectionResult<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

export interface EdgeType<T> {
  node: T;
  cursor: string;
}

export function Connection<T extends object>(NodeClass: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => NodeClass)
    node!: T;

    @Field(() => String)
    cursor!: string;
  }

  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [NodeClass], { description: "The nodes of `edges`, for clients that need no cursors." })
    nodes(): T[] {
      return this.edges.map((edge) => edge.node);
    }

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    totalCountThunk!: () => Promise<number>;

    @Field(() => Int, { description: "How many items match, across all pages." })
    totalCount(): Promise<number> {
      return this.totalCountThunk();
    }
  }
  return ConnectionClass;
}

/** Checks `first` (1..100) and decodes `after`; throws user-facing GraphQL input errors. */
export function pageArgs(first: number | null | undefined, after: string | null | undefined) {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new AppError("BAD_USER_INPUT", `"first" must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return { first: size, after: after ? decodeCursor(after) : null };
}

export type CursorValue = string | number | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.every((v) => v === null || typeof v === "string" || typeof v === "number")) {
      return values as CursorValue[];
    }
  } catch {
    // fall through
  }
  throw new AppError("BAD_USER_INPUT", `"after" is not a cursor this API issued.`);
}

/** Builds a connection from rows fetched with `first + 1` (the extra row only says there is a next page). */
export function toConnection<T>(
  rows: T[],
  first: number,
  hasPrevious: boolean,
  cursorOf: (row: T) => string,
  totalCount: () => Promise<number>,
) {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: cursorOf(node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCountThunk: once(totalCount),
  };
}

/**
 * Whether the query selects `name` directly under the field being resolved (through fragments
 * too): a resolver can then fetch it in the same statement as the rest.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (selections: readonly SelectionNode[] | undefined): boolean =>
    (selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet.selections);
      return visit(info.fragments[selection.name.value]?.selectionSet.selections);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet?.selections));
}

function once<T>(work: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= work());
}
