import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { PrismaClient } from "@dealgraph/db";
import type { Logger } from "pino";
import { AppError } from "../common/errors.ts";
import { resolveTarget, type ResolvedTarget, type TargetPolicy } from "./webhook.target.ts";

export interface WebhookSettings extends TargetPolicy {
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  timeoutMs: number;
}

/** A delivery that is not settled within this long after it was claimed is claimed again. */
const LEASE_SECONDS = 120;
const BATCH = 20;
const MAX_BACKOFF_MS = 3_600_000;

/**
 * The signature a receiver checks: HMAC-SHA256 under the webhook's secret of `<timestamp>.<body>`,
 * sent as `X-Dealgraph-Signature: t=<unix seconds>,v1=<hex>`. The timestamp lets the receiver
 * refuse replays of an old delivery.
 */
export function signPayload(secret: string, body: string, timestamp: number): string {
  const digest = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${digest}`;
}

interface DueDelivery {
  id: string;
  attempts: number;
  event: string;
  payload: Record<string, unknown>;
  url: string;
  secret: string;
}

interface Outcome {
  delivered: boolean;
  responseStatus: number | null;
  error: string | null;
}

/** Connects to the address that was checked, whatever a second DNS answer would say. */
function pinnedLookup(target: ResolvedTarget): LookupFunction {
  const [first] = target.addresses;
  return (_hostname, options, callback) => {
    if (!first) return callback(new Error("no checked address"), "", 4);
    if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [first]);
    else callback(null, first.address, first.family);
  };
}

function post(target: ResolvedTarget, headers: Record<string, string>, body: string, timeoutMs: number) {
  return new Promise<Outcome>((resolve) => {
    const client = target.url.protocol === "https:" ? https : http;
    const request = client.request(
      target.url,
      { method: "POST", headers, lookup: pinnedLookup(target), timeout: timeoutMs, agent: false },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        // Redirects are not followed: a target must answer itself, not send us elsewhere.
        resolve({
          delivered: status >= 200 && status < 300,
          responseStatus: status,
          error: status >= 200 && status < 300 ? null : `HTTP ${status}`,
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error) => resolve({ delivered: false, responseStatus: null, error: error.message }));
    request.end(body);
  });
}

/** Sends one delivery: re-checks the target (DNS may have changed), signs, POSTs. */
export async function sendDelivery(delivery: DueDelivery, settings: WebhookSettings): Promise<Outcome> {
  let target: ResolvedTarget;
  try {
    target = await resolveTarget(delivery.url, settings);
  } catch (error) {
    return { delivered: false, responseStatus: null, error: error instanceof AppError ? error.message : String(error) };
  }
  const body = JSON.stringify({ ...delivery.payload, deliveryId: delivery.id });
  const timestamp = Math.floor(Date.now() / 1000);
  return post(
    target,
    {
      "content-type": "application/json",
      "user-agent": "Dealgraph-Webhooks/1",
      "x-dealgraph-event": delivery.event,
      "x-dealgraph-delivery": delivery.id,
      "x-dealgraph-signature": signPayload(delivery.secret, body, timestamp),
    },
    body,
    settings.timeoutMs,
  );
}

/** Exponential backoff with ±20 % jitter, so that retries of many deliveries do not arrive together. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  const delay = Math.min(baseMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
  return Math.round(delay * (0.8 + Math.random() * 0.4));
}

/**
 * Sends the webhook outbox. Every instance runs one; a delivery is claimed with a lease
 * (`FOR UPDATE SKIP LOCKED`, then a later next_attempt_at), so two instances never send the same
 * attempt, and one that dies mid-send leaves the delivery to be retried after the lease.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly settings: WebhookSettings,
    private readonly log: Logger,
  ) {}

  start() {
    this.timer = setInterval(() => this.kick(), this.settings.pollMs);
    this.timer.unref();
  }

  /** Looks for due deliveries now (new arrivals call this); coalesces with a run in progress. */
  kick() {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  async stop() {
    clearInterval(this.timer);
    this.again = false;
    await this.running;
  }

  /** Sends every due delivery, batch after batch; a database that is down ends the run quietly. */
  async drain() {
    try {
      for (;;) {
        const due = await this.claim();
        if (!due.length) return;
        await Promise.all(due.map((delivery) => this.attempt(delivery)));
      }
    } catch (error) {
      this.log.warn({ err: error }, "webhook worker: could not reach the database; will retry");
    }
  }

  private claim() {
    return this.prisma.$queryRaw<DueDelivery[]>`
      WITH due AS (
        SELECT id FROM webhook_delivery
        WHERE status = 'PENDING' AND next_attempt_at <= now()
        ORDER BY next_attempt_at
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE webhook_delivery d
      SET attempts = d.attempts + 1, last_attempt_at = now(),
          next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
      FROM due, webhook w
      WHERE d.id = due.id AND w.id = d.webhook_id
      RETURNING d.id, d.attempts, d.event, d.payload, w.url, w.secret`;
  }

  private async attempt(delivery: DueDelivery) {
    const outcome = await sendDelivery(delivery, this.settings);
    const failedForGood = !outcome.delivered && delivery.attempts >= this.settings.maxAttempts;
    const next = outcome.delivered || failedForGood ? null : retryDelayMs(delivery.attempts, this.settings.retryBaseMs);
    // Only a delivery still PENDING is settled: one whose webhook was removed meanwhile stays FAILED.
    await this.prisma.webhookDelivery.updateMany({
      where: { id: delivery.id, status: "PENDING" },
      data: {
        status: outcome.delivered ? "DELIVERED" : failedForGood ? "FAILED" : "PENDING",
        responseStatus: outcome.responseStatus,
        lastError: outcome.error?.slice(0, 500) ?? null,
        deliveredAt: outcome.delivered ? new Date() : null,
        ...(next === null ? {} : { nextAttemptAt: new Date(Date.now() + next) }),
      },
    });
    this.log[outcome.delivered ? "info" : "warn"](
      { deliveryId: delivery.id, attempt: delivery.attempts, status: outcome.responseStatus, error: outcome.error },
      outcome.delivered
        ? "webhook delivered"
        : failedForGood
          ? "webhook failed for good"
          : "webhook failed; will retry",
    );
    if (next !== null) setTimeout(() => this.kick(), next + 10).unref();
  }
}
