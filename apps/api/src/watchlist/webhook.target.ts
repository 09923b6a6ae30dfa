import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { AppError } from "../common/errors.ts";

/**
 * Address ranges a webhook may not reach unless configuration allows them: loopback, private,
 * link-local, shared (CGNAT), multicast, reserved and the cloud metadata addresses inside them.
 * node:net's BlockList does the range arithmetic; no dependency needed.
 */
const FORBIDDEN: [string, number, "ipv4" | "ipv6"][] = [
  ["0.0.0.0", 8, "ipv4"],
  ["10.0.0.0", 8, "ipv4"],
  ["100.64.0.0", 10, "ipv4"],
  ["127.0.0.0", 8, "ipv4"],
  ["169.254.0.0", 16, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.0.0.0", 24, "ipv4"],
  ["192.0.2.0", 24, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["198.18.0.0", 15, "ipv4"],
  ["198.51.100.0", 24, "ipv4"],
  ["203.0.113.0", 24, "ipv4"],
  ["224.0.0.0", 4, "ipv4"],
  ["240.0.0.0", 4, "ipv4"],
  ["::", 128, "ipv6"],
  ["::1", 128, "ipv6"],
  ["64:ff9b::", 96, "ipv6"],
  ["100::", 64, "ipv6"],
  ["2001:db8::", 32, "ipv6"],
  ["fc00::", 7, "ipv6"],
  ["fe80::", 10, "ipv6"],
  ["ff00::", 8, "ipv6"],
];

const forbidden = new BlockList();
for (const [address, prefix, family] of FORBIDDEN) forbidden.addSubnet(address, prefix, family);

/** An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is. */
function normalise(address: string): { address: string; family: "ipv4" | "ipv6" } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: "ipv4" };
  return { address, family: isIP(address) === 6 ? "ipv6" : "ipv4" };
}

/** Parses `WEBHOOK_ALLOWED_NETWORKS` ("127.0.0.0/8,::1/128"): ranges exempt from the refusal. */
export function allowedNetworks(spec: string | undefined): BlockList {
  const allowed = new BlockList();
  for (const part of (spec ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [address = "", bits] = part.split("/");
    const family = isIP(address) === 6 ? "ipv6" : isIP(address) === 4 ? "ipv4" : null;
    const prefix = Number(bits ?? (family === "ipv6" ? 128 : 32));
    if (!family || !Number.isInteger(prefix))
      throw new Error(`WEBHOOK_ALLOWED_NETWORKS: "${part}" is not a CIDR range`);
    allowed.addSubnet(address, prefix, family);
  }
  return allowed;
}

const DNS_TIMEOUT_MS = 3_000;

export interface TargetPolicy {
  allowed: BlockList;
}

export interface ResolvedTarget {
  url: URL;
  /** The addresses the host resolved to, all checked; a delivery connects to the first, never re-resolving. */
  addresses: { address: string; family: 4 | 6 }[];
}

function refuse(message: string): never {
  throw AppError.validation(message, ["input", "url"]);
}

/** Checks the URL's form: http(s), a host, no credentials, no fragment. */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    refuse(`"${raw}" is not a URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") refuse("A webhook URL must use http or https.");
  if (url.username || url.password) refuse("A webhook URL must not carry credentials.");
  if (!url.hostname) refuse("A webhook URL needs a host.");
  url.hash = "";
  return url;
}

/**
 * Resolves the target's host and refuses it when any address is on a private, loopback,
 * link-local or otherwise internal network that the policy does not allow. Checked when a
 * webhook is set and again before each delivery (DNS can change); the delivery then connects to
 * the checked address, so a second lookup cannot swap in an internal one (DNS rebinding).
 */
export async function resolveTarget(raw: string, policy: TargetPolicy): Promise<ResolvedTarget> {
  const url = parseTargetUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await Promise.race([
          lookup(host, { all: true, verbatim: true }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), DNS_TIMEOUT_MS).unref()),
        ]);
  } catch {
    refuse(`The webhook host "${host}" does not resolve.`);
  }
  if (!addresses.length) refuse(`The webhook host "${host}" does not resolve.`);
  for (const { address } of addresses) {
    const ip = normalise(address);
    if (forbidden.check(ip.address, ip.family) && !policy.allowed.check(ip.address, ip.family)) {
      refuse(
        `The webhook host "${host}" resolves to ${address}, a private, loopback or link-local address; ` +
          "such targets are refused unless WEBHOOK_ALLOWED_NETWORKS allows them.",
      );
    }
  }
  return { url, addresses: addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })) };
}
