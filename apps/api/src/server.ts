import "reflect-metadata";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { ApolloServer, type GraphQLRequestContextDidResolveOperation } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import {
  claimDataDir,
  countStatements,
  openDatabase,
  type Database,
  type Role,
  type StatementScope,
} from "@dealgraph/db";
import { backupPGlite } from "@dealgraph/db/backup";
import { seed } from "@dealgraph/db/seed";
import { join, resolve } from "node:path";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { jitExecutor } from "./http/jit.ts";
import express from "express";
import { GraphQLError, OperationTypeNode, getOperationAST, parse, specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { Redis } from "ioredis";
import { pino, type Logger } from "pino";
import { pinoHttp } from "pino-http";
import { authenticate } from "./auth/auth.service.ts";
import { keyFromHeaders } from "./auth/api-key.ts";
import type { Viewer } from "./auth/viewer.ts";
import { AppError, createFormatError, isDatabaseUnavailable } from "./common/errors.ts";
import { createContext, type Context } from "./context.ts";
import type { Env } from "./env.ts";
import { serveGraphiQL, wantsPlayground } from "./http/graphiql.ts";
import { healthSource } from "./health/health.resolver.ts";
import { createMetrics, operationLabels } from "./http/metrics.ts";
import { memoryRequestWindow, redisRequestWindow } from "./http/request-window.ts";
import { estimateCost, memoryRateLimiter, redisRateLimiter, type RateLimiter } from "./http/rate-limit.ts";
import { getSchema } from "./schema.ts";
import { RollupAnswers } from "./deal/rollup.cache.ts";
import { TaxonomyCatalog } from "./taxonomy/taxonomy.catalog.ts";
import { Tracking } from "./watchlist/tracking.ts";
import { allowedNetworks } from "./watchlist/webhook.target.ts";
import { WebhookWorker } from "./watchlist/webhook.worker.ts";

export interface ServerContext extends Context {
  statements: StatementScope;
  log: Logger;
  /** The caller the rate limit counts against: the key, or the address of an anonymous reader. */
  rateKey: string;
}

export interface DealgraphServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<ServerContext>;
  db: Database;
  catalog: TaxonomyCatalog;
  /** Dashboard aggregates cached against the rollups' version (null when ROLLUP_CACHE_ENTRIES=0). */
  rollupAnswers: RollupAnswers | null;
  logger: Logger;
  /** Context for `apollo.executeOperation` in tests, as a request with a key of that role would get it. */
  contextFor(actor?: string, role?: Role | null, userId?: string): ServerContext;
  listen(port: number, host?: string): Promise<string>;
  /**
   * The first step of a graceful stop: /readyz turns false (a load balancer stops sending) while
   * requests keep being served, including those whose connection is open but not yet read.
   */
  drain(): void;
  close(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** PostgreSQL text cannot hold NUL characters; refuse them at the door instead of failing in SQL. */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000") || /\\u0000/i.test(value);
  if (depth > 20 || !value || typeof value !== "object") return false;
  return Object.values(value).some((v) => hasNul(v, depth + 1));
}

function refuseNulCharacters(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (hasNul(req.body) || hasNul(req.query)) {
    res.status(400).json({
      errors: [{ message: "Text must not contain NUL characters (\\u0000).", extensions: { code: "BAD_USER_INPUT" } }],
    });
    return;
  }
  next();
}

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
  const rollupAnswers = env.ROLLUP_CACHE_ENTRIES > 0 ? new RollupAnswers(env.ROLLUP_CACHE_ENTRIES) : null;
  const demo = env.APP_MODE === "demo";
  const metrics = createMetrics(
    () => db.poolStats(),
    () => rollupAnswers?.stats ?? null,
  );
  const operationLabel = operationLabels();
  const redis = env.REDIS_URL
    ? new Redis(env.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: false })
    : null;
  redis?.on("error", (error) => logger.warn({ err: error }, "redis error"));
  const requestWindow = redis
    ? redisRequestWindow(redis, env.REDIS_NAMESPACE, (error) =>
        logger.warn({ err: error }, "request window: redis write failed"),
      )
    : memoryRequestWindow();
  healthSource.window = requestWindow;

  // Deals arriving on watchlists: webhooks from an outbox every instance drains, live events
  // through Redis pub/sub when there is Redis (every instance hears every arrival), else in process.
  const webhookPolicy = { allowed: allowedNetworks(env.WEBHOOK_ALLOWED_NETWORKS) };
  const webhooks = new WebhookWorker(
    db.prisma,
    {
      ...webhookPolicy,
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
      pollMs: env.WEBHOOK_POLL_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    },
    logger.child({ component: "webhooks" }),
  );
  webhooks.start();
  const subscriber = redis?.duplicate({ enableOfflineQueue: true });
  subscriber?.on("error", (error) => logger.warn({ err: error }, "redis subscriber error"));
  const tracking = new Tracking({
    namespace: env.REDIS_NAMESPACE,
    ...(redis && subscriber ? { redis: { publish: redis, subscribe: subscriber } } : {}),
    onRedisError: (error) => logger.warn({ err: error }, "live updates: redis unavailable"),
    onArrivals: () => webhooks.kick(),
  });
  const limiter: RateLimiter | null =
    env.RATE_LIMIT_POINTS_PER_MINUTE === 0
      ? null
      : redis
        ? redisRateLimiter(redis, env.REDIS_NAMESPACE, env.RATE_LIMIT_POINTS_PER_MINUTE)
        : memoryRateLimiter(env.RATE_LIMIT_POINTS_PER_MINUTE);

  // Watch the database once a second: while it does not answer, requests fail fast with 503
  // instead of queueing behind timeouts, and /readyz says so; both recover on their own.
  const database = { up: true };
  const watch = setInterval(() => {
    void db.ping(1_000).then((up) => {
      if (up !== database.up)
        logger[up ? "info" : "error"]({ database: up ? "up" : "unreachable" }, "database availability changed");
      database.up = up;
    });
  }, 1_000);
  watch.unref();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  const httpServer = http.createServer(app);
  httpServer.requestTimeout = env.REQUEST_TIMEOUT_MS + 5_000;

  // Depth, alias, directive and cost limits before execution; no field suggestions outside demo
  // mode. Tokens are limited by graphql-js's parser itself (parseOptions below): armor's token
  // plugin throws while parsing, which Apollo answers with a 500.
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: env.MAX_OPERATION_COST, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    blockFieldSuggestion: { enabled: !demo },
  });
  const protection = armor.protect();

  const schema = await getSchema();
  const formatError = createFormatError({
    onInternalError(error, formatted) {
      const requestId =
        typeof formatted.extensions?.requestId === "string" ? formatted.extensions.requestId : undefined;
      logger.error({ err: error, path: formatted.path, requestId }, "internal error");
      return requestId;
    },
  });
  const apollo = new ApolloServer<ServerContext>({
    gateway: jitExecutor(schema),
    introspection: demo,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !demo,
    csrfPrevention: true,
    parseOptions: { maxTokens: 3_000 },
    validationRules: protection.validationRules,
    formatError,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used (nothing here sets Cache-Control from the schema); the default cache
      // control plugin would still wrap every resolved field to compute them.
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart({ contextValue }) {
          const started = performance.now();
          let operation = "unknown";
          return {
            async didResolveOperation(request: GraphQLRequestContextDidResolveOperation<ServerContext>) {
              operation = operationLabel(request.operationName ?? request.operation?.operation ?? "unknown");
              if (!limiter) return;
              const cost = estimateCost(request.document, request.operationName, request.request.variables ?? {});
              const budget = contextValue.viewer.ratePointsPerMinute ?? undefined;
              const decision = await limiter.consume(contextValue.rateKey, cost, budget).catch((error: unknown) => {
                // A limiter that cannot be reached does not take the service down.
                contextValue.log.warn({ err: error }, "rate limiter unavailable");
                return null;
              });
              if (decision && !decision.allowed) {
                throw new GraphQLError(`Rate limit reached; retry in ${decision.retryAfterSeconds} s.`, {
                  extensions: {
                    code: "RATE_LIMITED",
                    http: {
                      status: 429,
                      headers: new Map([["retry-after", String(decision.retryAfterSeconds)]]) as unknown as Record<
                        string,
                        string
                      >,
                    },
                  },
                });
              }
            },
            async didEncounterErrors({ errors }) {
              for (const error of errors) {
                const code = String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR");
                metrics.errors.inc({ operation, code });
                // formatError reads it back to name the request in masked messages.
                error.extensions.requestId ??= contextValue.requestId;
              }
            },
            async willSendResponse({ response, errors }) {
              if (
                errors?.some(
                  (e) => e.extensions?.code === "SERVICE_UNAVAILABLE" || isDatabaseUnavailable(e.originalError),
                )
              ) {
                response.http.status = 503;
                response.http.headers.set("retry-after", "2");
              }
              response.http.headers.set("x-request-id", contextValue.requestId);
              response.http.headers.set("x-sql-statements", String(contextValue.statements.count));
              metrics.requests.inc({ operation, outcome: errors?.length ? "error" : "ok" });
              const elapsed = performance.now() - started;
              metrics.duration.observe({ operation }, elapsed / 1000);
              requestWindow.record(operation, elapsed, Boolean(errors?.length));
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const makeContext = (
    viewer: Viewer,
    requestId: string,
    statements: StatementScope,
    rateKey: string,
    log: Logger = logger.child({ requestId }),
  ): ServerContext => ({
    ...createContext({ db, catalog, tracking, webhookPolicy, rollupAnswers }, viewer, requestId),
    statements,
    log,
    rateKey,
  });

  /** The caller: a valid key's user; an anonymous reader in demo mode; otherwise 401. */
  async function viewerFor(req: express.Request, requestId: string): Promise<{ viewer: Viewer; rateKey: string }> {
    return viewerOf(keyFromHeaders(req.get("authorization"), req.get("x-api-key")), req.ip, requestId);
  }

  async function viewerOf(
    key: string | null | undefined,
    address: string | undefined,
    requestId: string,
  ): Promise<{ viewer: Viewer; rateKey: string }> {
    if (!database.up) throw unavailable(new Error("database watch: unreachable"), requestId);
    try {
      if (key) {
        const viewer = await authenticate(db.prisma, key, requestId);
        return { viewer, rateKey: `key:${viewer.keyId}` };
      }
    } catch (error) {
      if (error instanceof AppError) throw unauthenticated(error.message);
      throw unavailable(error, requestId);
    }
    if (!demo) throw unauthenticated("This API needs a key: send Authorization: Bearer <key>.");
    return { viewer: { actor: "anonymous", role: null, requestId }, rateKey: `ip:${address ?? "unknown"}` };
  }

  function unauthenticated(message: string) {
    return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
  }
  function unavailable(error: unknown, requestId: string) {
    logger.error({ err: error, requestId }, "authentication failed: database unavailable");
    return new GraphQLError("The database is unavailable; try again shortly.", {
      extensions: { code: "SERVICE_UNAVAILABLE", requestId, http: { status: 503 } },
    });
  }

  // One access log line per request, and `req.log` for everything logged while serving it: both
  // carry the request id (the caller's X-Request-Id when well-formed, else a new one), which is
  // also sent back as a header. Only method, path and status are logged: never headers (keys).
  app.use(
    pinoHttp({
      logger,
      genReqId(req, res) {
        const header = req.headers["x-request-id"];
        const id = typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      customAttributeKeys: { reqId: "requestId" },
      quietReqLogger: true,
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, path: req.url?.split("?")[0] }),
        res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
      autoLogging: { ignore: (req) => ["/healthz", "/readyz", "/metrics"].includes(req.url ?? "") },
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  let draining = false;
  app.get("/readyz", async (_req, res) => {
    const up = await db.ping(1_000);
    database.up = up;
    const ready = up && !draining;
    res
      .status(ready ? 200 : 503)
      .json({ ready, database: up ? "up" : "unreachable", ...(draining ? { draining: true } : {}) });
  });
  // The embedded database's dump must be taken by the process that has it open: this one.
  app.post("/admin/backup", express.json({ limit: "4kb" }), async (req, res) => {
    const requestId = String(req.id);
    try {
      const key = keyFromHeaders(req.get("authorization"), req.get("x-api-key"));
      const viewer = key ? await authenticate(db.prisma, key, requestId) : null;
      const local =
        req.socket.remoteAddress === "127.0.0.1" ||
        req.socket.remoteAddress === "::1" ||
        req.socket.remoteAddress === "::ffff:127.0.0.1";
      if (!(viewer?.role === "ADMIN" || (demo && local && !key))) {
        res.status(403).json({ error: "Backups need an ADMIN key (or, in demo mode, a request from this machine)." });
        return;
      }
      if (db.kind !== "pglite") {
        res.status(400).json({ error: "This API runs on PostgreSQL: use pg_dump (npm run db:backup)." });
        return;
      }
      const backups = resolve(env.DATA_DIR, "..", "..", "backups");
      const requested =
        typeof req.body?.file === "string"
          ? resolve(req.body.file as string)
          : join(backups, `dealgraph-${Date.now()}.tar.gz`);
      await backupPGlite(db, requested);
      req.log.info({ file: requested, actor: viewer?.actor ?? "local" }, "embedded database backed up");
      res.json({ file: requested });
    } catch (error) {
      req.log.error({ err: error }, "backup failed");
      res.status(500).json({ error: `Backup failed (request ${requestId}).` });
    }
  });

  app.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", metrics.registry.contentType);
    res.end(await metrics.registry.metrics());
  });

  app.use(
    "/graphql",
    (req, res, next) => {
      if (demo && wantsPlayground(req)) return serveGraphiQL(req, res);
      const requestId = String(req.id);
      res.locals.requestId = requestId;
      res.locals.statements = { count: 0 } satisfies StatementScope;
      res.setTimeout(env.REQUEST_TIMEOUT_MS, () => {
        if (!res.headersSent) {
          res
            .status(503)
            .json({ errors: [{ message: "The request took too long.", extensions: { code: "TIMEOUT", requestId } }] });
        }
      });
      countStatements(res.locals.statements as StatementScope, () => next());
    },
    express.json({ limit: "1mb" }),
    refuseNulCharacters,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        const { viewer, rateKey } = await viewerFor(req, requestId);
        return makeContext(viewer, requestId, res.locals.statements as StatementScope, rateKey, req.log);
      },
    }),
  );

  // Subscriptions over graphql-ws on the same path. The key comes as connectionParams.authorization
  // (browsers cannot set headers on a WebSocket) or as the upgrade request's Authorization header.
  // Only subscriptions run here; queries and mutations go through HTTP and its rate limits.
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: 64 * 1024 });
  const socketViewers = new WeakMap<object, Viewer>();
  const wsServerCleanup = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const param = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        const header = ctx.extra.request.headers.authorization;
        const key = keyFromHeaders(typeof param === "string" ? param : header, undefined);
        try {
          const { viewer } = await viewerOf(key, ctx.extra.request.socket.remoteAddress, randomUUID());
          socketViewers.set(ctx.extra.socket, viewer);
          return true;
        } catch (error) {
          logger.info({ reason: error instanceof Error ? error.message : String(error) }, "subscription refused");
          return false;
        }
      },
      onSubscribe: async (ctx, _id, message) => {
        let viewer = socketViewers.get(ctx.extra.socket);
        if (!viewer) return [new GraphQLError("Not connected.")];
        // GraphiQL sends its Headers tab with each operation (extensions.headers), not on connect:
        // a key there counts for that subscription.
        const headers = message.extensions?.headers as Record<string, unknown> | undefined;
        const header = headers?.authorization ?? headers?.Authorization;
        if (typeof header === "string") {
          try {
            const key = keyFromHeaders(header, undefined);
            viewer = (await viewerOf(key, ctx.extra.request.socket.remoteAddress, randomUUID())).viewer;
          } catch (error) {
            return [
              new GraphQLError(error instanceof GraphQLError ? error.message : "The API key is not valid.", {
                extensions: { code: "UNAUTHENTICATED" },
              }),
            ];
          }
        }
        let document;
        try {
          document = parse(message.query, { maxTokens: 3_000 });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError("The query could not be parsed.")];
        }
        const errors = validate(schema, document, [...specifiedRules, ...protection.validationRules]);
        if (errors.length) return errors;
        const operation = getOperationAST(document, message.operationName);
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION)
          return [new GraphQLError("Only subscriptions run over WebSocket; send queries and mutations over HTTP.")];
        const requestId = randomUUID();
        return {
          schema,
          document,
          operationName: message.operationName,
          variableValues: message.variables,
          contextValue: makeContext({ ...viewer, requestId }, requestId, { count: 0 }, `ws:${viewer.actor}`),
        };
      },
      // Errors in events are masked and coded as over HTTP: no internals, a request id to quote.
      onNext: (_ctx, _id, _message, args, result) => {
        if (!("errors" in result) || !result.errors?.length) return;
        const requestId = (args.contextValue as ServerContext).requestId;
        return {
          ...result,
          errors: result.errors.map((error) => {
            if (error instanceof GraphQLError) error.extensions.requestId ??= requestId;
            return formatError(error instanceof GraphQLError ? error.toJSON() : { message: String(error) }, error);
          }),
        };
      },
      onError: (_ctx, _id, _message, errors) => {
        logger.warn({ errors: errors.map((e) => e.message) }, "subscription error");
      },
    },
    wsServer,
  );

  // Errors raised before GraphQL runs (an oversized or malformed body) answer as GraphQL errors,
  // never as an HTML page with a stack trace.
  app.use(
    (
      error: { status?: number; message?: string },
      req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      const status = typeof error.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
      const requestId = String(req.id);
      if (status === 500) req.log.error({ err: error, path: req.path }, "request failed");
      const message =
        status === 413
          ? "The request body is larger than 1 MB."
          : status === 500
            ? `Internal error (request ${requestId}).`
            : "The request body is not valid JSON.";
      res.status(status).json({
        errors: [
          { message, extensions: { code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST", requestId } },
        ],
      });
    },
  );

  let releaseDataDir: (() => void) | undefined;

  return {
    app,
    httpServer,
    apollo,
    db,
    catalog,
    rollupAnswers,
    logger,
    contextFor: (actor = "test:curator", role = "ADMIN", userId) =>
      makeContext({ actor, role, ...(userId ? { userId } : {}) }, randomUUID(), { count: 0 }, `test:${actor}`),
    listen(port, host = "127.0.0.1") {
      return new Promise((done, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          const boundPort = typeof address === "object" && address ? address.port : port;
          const url = `http://${host}:${boundPort}`;
          // Tools (backups) must go through this process while it has the embedded database open.
          if (db.kind === "pglite" && !options.db)
            releaseDataDir = claimDataDir(env.DATA_DIR, { pid: process.pid, apiUrl: url });
          done(url);
        });
      });
    },
    drain() {
      draining = true;
    },
    async close() {
      draining = true;
      clearInterval(watch);
      releaseDataDir?.();
      await wsServerCleanup.dispose();
      await new Promise<void>((done) => wsServer.close(() => done()));
      await webhooks.stop();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      redis?.disconnect();
      subscriber?.disconnect();
      if (!options.db) await db.close();
    },
  };
}
