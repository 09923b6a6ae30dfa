import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "../common/errors.ts";
import { allowedNetworks, resolveTarget } from "./webhook.target.ts";
import { retryDelayMs, signPayload } from "./webhook.worker.ts";

const none = { allowed: allowedNetworks("") };
const loopback = { allowed: allowedNetworks("127.0.0.0/8,::1/128") };

describe("webhook targets", () => {
  it("accept public addresses and refuse internal ones unless a configured range allows them", async () => {
    await expect(resolveTarget("https://93.184.216.34/hook", none)).resolves.toMatchObject({
      addresses: [{ address: "93.184.216.34", family: 4 }],
    });
    await expect(resolveTarget("http://127.0.0.1:8080/hook", none)).rejects.toBeInstanceOf(AppError);
    await expect(resolveTarget("http://127.0.0.1:8080/hook", loopback)).resolves.toBeTruthy();
    await expect(resolveTarget("http://[::1]:8080/hook", loopback)).resolves.toBeTruthy();
    // Allowing loopback does not open the rest of the private space.
    await expect(resolveTarget("http://10.0.0.5/hook", loopback)).rejects.toThrow(/private, loopback or link-local/);
    await expect(resolveTarget("http://[fd00::1]/hook", loopback)).rejects.toThrow(/private/);
    await expect(resolveTarget("http://[fe80::1]/hook", loopback)).rejects.toThrow(/link-local/);
  });

  it("refuse names that resolve to loopback and names that do not resolve", async () => {
    await expect(resolveTarget("http://localhost/hook", none)).rejects.toThrow(/resolves to/);
    await expect(resolveTarget("http://no-such-host.invalid/hook", none)).rejects.toThrow(/does not resolve/);
  });

  it("refuse a malformed range in the configuration", () => {
    expect(() => allowedNetworks("127.0.0.1/abc")).toThrow(/not a CIDR range/);
    expect(() => allowedNetworks("example.com")).toThrow(/not a CIDR range/);
  });
});

describe("webhook signatures and retries", () => {
  it("sign the timestamp and the body with HMAC-SHA256", () => {
    const body = JSON.stringify({ event: "deal.added" });
    const signature = signPayload("whsec_test", body, 1_700_000_000);
    const expected = createHmac("sha256", "whsec_test").update(`1700000000.${body}`).digest("hex");
    expect(signature).toBe(`t=1700000000,v1=${expected}`);
    expect(signPayload("whsec_other", body, 1_700_000_000)).not.toBe(signature);
  });

  it("wait twice as long after each failure, within ±20 %, capped at an hour", () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const delay = retryDelayMs(attempt, 1_000);
      expect(delay).toBeGreaterThanOrEqual(0.8 * 1_000 * 2 ** (attempt - 1));
      expect(delay).toBeLessThanOrEqual(1.2 * 1_000 * 2 ** (attempt - 1));
    }
    expect(retryDelayMs(30, 30_000)).toBeLessThanOrEqual(1.2 * 3_600_000);
  });
});
