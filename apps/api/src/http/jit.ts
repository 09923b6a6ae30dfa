import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  execute,
  GraphQLError,
  isAbstractType,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

const prepared = new WeakSet<GraphQLSchema>();

/**
 * The schema's interfaces and unions name their concrete type in `__typename` (relay.ts,
 * search.resolver.ts). type-graphql wraps `resolveType` in an async function, which graphql-jit
 * does not await: it gets the name synchronously. (Once per schema: servers share the schema.)
 */
function resolveTypesSynchronously(schema: GraphQLSchema) {
  if (prepared.has(schema)) return;
  prepared.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type)) continue;
    const resolveType = type.resolveType;
    type.resolveType = (value, context, info, abstractType) =>
      (value as { __typename?: string }).__typename ?? resolveType?.(value, context, info, abstractType);
  }
}

/**
 * graphql-jit reports errors with a GraphQLError of its own (frozen, without extensions unless the
 * thrown error had some); Apollo's plugins and the error formatter expect graphql-js's, with the
 * thrown error as `originalError`.
 */
function asGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return {
    ...result,
    errors: result.errors.map((error) => {
      if (Object.getPrototypeOf(error) === GraphQLError.prototype) return error;
      const converted = new GraphQLError(error.message, {
        path: error.path,
        originalError: error.originalError ?? undefined,
        extensions: { ...error.extensions },
      });
      if (error.locations) Object.assign(converted, { locations: error.locations });
      return converted;
    }),
  };
}

/** What is known of one operation of one document: how often it ran, and its compiled form. */
interface Operation {
  runs: number;
  compiled?: CompiledQuery | null;
}

/**
 * Executes operations with graphql-jit instead of graphql-js. An operation that runs a second time
 * is compiled into a function, kept beside its parsed document (Apollo keeps one DocumentNode per
 * distinct query text in its bounded document store, so a WeakMap on the document lives as long
 * as that cache's entry); a one-off query runs on graphql-js and costs no compilation. Apollo
 * Server 4 and later take another executor only through the gateway interface, which is what this
 * is; parsing, validation (with the depth and cost limits), plugins and error formatting stay
 * Apollo's.
 *
 * graphql-js also answers whenever graphql-jit did not execute: variables that do not coerce (its
 * errors are the ones Apollo recognises as BAD_USER_INPUT, with the variable's location) and the
 * rare operation graphql-jit cannot compile. Neither has run a resolver, so nothing runs twice.
 */
export function jitExecutor(schema: GraphQLSchema): GatewayInterface {
  resolveTypesSynchronously(schema);
  const operations = new WeakMap<DocumentNode, Map<string, Operation>>();
  const executor: GatewayExecutor = async ({ document, operationName, context, request }) => {
    const variableValues = request.variables ?? {};
    const byGraphqlJs = async () =>
      execute({ schema, document, operationName, contextValue: context, variableValues }) as Promise<ExecutionResult>;
    let byName = operations.get(document);
    if (!byName) operations.set(document, (byName = new Map()));
    const operation = byName.get(operationName ?? "") ?? { runs: 0 };
    byName.set(operationName ?? "", operation);
    operation.runs += 1;
    if (operation.runs === 2) {
      const compiled = compileQuery(schema, document, operationName ?? undefined);
      operation.compiled = isCompiledQuery(compiled) ? compiled : null;
    }
    if (!operation.compiled) return byGraphqlJs();
    const result = await operation.compiled.query(undefined, context, variableValues);
    // No data at all: the variables did not coerce and nothing was executed.
    if (result.data === undefined && result.errors?.length) return byGraphqlJs();
    return asGraphQLErrors(result);
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
