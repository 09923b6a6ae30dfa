import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  GraphQLError,
  isAbstractType,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

/**
 * Executes operations with graphql-jit instead of graphql-js: each operation is compiled once into
 * a function and kept beside its parsed document (Apollo keeps one DocumentNode per distinct query
 * text in its document store, so a WeakMap on the document follows that cache's life). Apollo
 * Server 4 and later take a custom executor only through the gateway interface, which is what this
 * is; parsing, validation (with the depth and cost limits), plugins and error formatting stay
 * Apollo's.
 */
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

export function jitExecutor(schema: GraphQLSchema): GatewayInterface {
  resolveTypesSynchronously(schema);
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();
  const executor: GatewayExecutor = async (request) => {
    const operationName = request.operationName ?? "";
    let byOperation = compiled.get(request.document);
    if (!byOperation) compiled.set(request.document, (byOperation = new Map()));
    let query = byOperation.get(operationName);
    if (!query) {
      const result = compileQuery(schema, request.document, request.operationName ?? undefined);
      // Apollo has validated the document already: a compile failure is an execution error.
      if (!isCompiledQuery(result)) return result;
      byOperation.set(operationName, (query = result));
    }
    return asGraphQLErrors(await query.query(undefined, request.context, request.request.variables ?? {}));
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
