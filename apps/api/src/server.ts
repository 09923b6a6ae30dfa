import "reflect-metadata";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { countStatements, openDatabase, type Database, type StatementScope } from "@dealgraph/db";
import { seed } from "@dealgraph/db/seed";
import express from "express";
import { pino, type Logger } from "pino";
import { createFormatError } from "./common/errors.ts";
import { createContext, type Context } from "./context.ts";
import type { Env } from "./env.ts";
import { serveGraphiQL, wantsPlayground } from "./http/graphiql.ts";
import { getSchema } from "./schema.ts";
import { TaxonomyCatalog } from "./taxonomy/taxonomy.catalog.ts";

export interface ServerContext extends Context {
  statements: StatementScope;
  log: Logger;
}

export interface DealgraphServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<ServerContext>;
  db: Database;
  catalog: TaxonomyCatalog;
  logger: Logger;
  /** Context for `apollo.executeOperation` in tests, as a request would get it. */
  contextFor(actor?: string): ServerContext;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * Builds the whole service (database, schema, Apollo, express) without listening: tests drive it
 * through `executeOperation` or HTTP, `main.ts` starts it.
 */
export async function createServer(
  env: Env,
  options: { db?: Database; logger?: Logger } = {},
): Promise<DealgraphServer> {
  const logger = options.logger ?? pino({ level: env.LOG_LEVEL, base: { service: "dealgraph-api" } });
  const db =
    options.db ?? (await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DB_POOL_SIZE }));
  if (env.SEED_ON_START && !options.db) {
    const { inserted } = await seed(db.prisma);
    if (inserted) logger.info({ inserted }, "seeded reference data and the curated articles");
  }
  const catalog = await TaxonomyCatalog.load(db.prisma);
  const demo = env.APP_MODE === "demo";

  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<ServerContext>({
    schema: await getSchema(),
    introspection: demo,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !demo,
    csrfPrevention: true,
    formatError: createFormatError({
      onInternalError(error, formatted) {
        const requestId = formattedRequestId(formatted);
        logger.error({ err: error, path: formatted.path, requestId }, "internal error");
        return requestId;
      },
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      {
        async requestDidStart({ contextValue }) {
          return {
            async didEncounterErrors({ errors }) {
              // Attach the request id so formatError can report it.
              for (const error of errors) (error as { requestId?: string }).requestId = contextValue.requestId;
            },
            async willSendResponse({ response }) {
              response.http.headers.set("x-request-id", contextValue.requestId);
              response.http.headers.set("x-sql-statements", String(contextValue.statements.count));
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const makeContext = (requestId: string, statements: StatementScope, actor?: string): ServerContext => ({
    ...createContext({ db, catalog }, { requestId, actor }),
    statements,
    log: logger.child({ requestId }),
  });

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const ready = await db.ping(1_000);
    res.status(ready ? 200 : 503).json({ ready, database: ready ? "up" : "unreachable" });
  });

  app.use(
    "/graphql",
    (req, res, next) => {
      if (demo && wantsPlayground(req)) return serveGraphiQL(req, res);
      const header = req.get("x-request-id");
      const requestId = header && REQUEST_ID.test(header) ? header : randomUUID();
      res.locals.requestId = requestId;
      res.locals.statements = { count: 0 } satisfies StatementScope;
      countStatements(res.locals.statements as StatementScope, () => next());
    },
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ res }) => makeContext(res.locals.requestId as string, res.locals.statements as StatementScope),
    }),
  );

  // Errors raised before GraphQL runs (an oversized or malformed body) answer as GraphQL errors,
  // never as an HTML page with a stack trace.
  app.use(
    (
      error: { status?: number; type?: string; message?: string },
      req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = typeof error.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
      const requestId = (res.locals.requestId as string | undefined) ?? randomUUID();
      if (status === 500) logger.error({ err: error, requestId, path: req.path }, "request failed");
      const message =
        status === 413
          ? "The request body is larger than 1 MB."
          : status === 500
            ? `Internal error (request ${requestId}).`
            : "The request body is not valid JSON.";
      res
        .status(status)
        .json({
          errors: [
            { message, extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST", requestId } },
          ],
        });
    },
  );

  return {
    app,
    httpServer,
    apollo,
    db,
    catalog,
    logger,
    contextFor: (actor) => makeContext(randomUUID(), { count: 0 }, actor),
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          const boundPort = typeof address === "object" && address ? address.port : port;
          resolve(`http://${host}:${boundPort}`);
        });
      });
    },
    async close() {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      if (!options.db) await db.close();
    },
  };
}

function formattedRequestId(formatted: { extensions?: Record<string, unknown> }): string | undefined {
  const id = formatted.extensions?.requestId;
  return typeof id === "string" ? id : undefined;
}
