import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { storableText } from "@/lib/text";

/**
 * The address a request came from, for per-address limits (sign-in, sign-up,
 * joining a class). X-Forwarded-For is whatever the client wrote unless a
 * proxy of ours replaced or extended it, and `next start` passes a
 * client-supplied one through untouched, so the header alone proves nothing.
 *
 * The server stamps every request with the address of the socket it arrived
 * on (PEER_HEADER, overwriting anything a client sent under that name), and
 * the address is read as a chain: the X-Forwarded-For entries, then that
 * socket address. With TRUSTED_PROXY_HOPS = 0 (the default) the socket
 * address is the client; with N proxies of ours in front, each of which
 * appends the address it saw, the client is the entry N places left of the
 * socket address. Entries further left were written by the client and are
 * never used.
 */
export const PEER_HEADER = "x-newsquiz-peer-address";

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function header(headers: HeaderSource, name: string): string[] {
  if (!headers) return [];
  if (headers instanceof Headers) {
    const v = headers.get(name);
    return v === null ? [] : [v];
  }
  const v = headers[name];
  if (Array.isArray(v)) return v.map(String);
  return typeof v === "string" ? [v] : [];
}

const MAX_ENTRIES = 32;

export function clientAddressFrom(headers: HeaderSource, trustedHops: number): string {
  // Only a stamp this process wrote is believed: where nothing stamps, a client could send the header itself.
  const peer = stamping() ? header(headers, PEER_HEADER)[0]?.trim() : undefined;
  const forwarded = header(headers, "x-forwarded-for")
    .join(",")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(-MAX_ENTRIES);
  // Without a stamped peer (a platform that runs the app without a socket of
  // ours, such as Vercel's functions) the nearest proxy's entry stands in its place.
  const chain = peer ? [...forwarded, peer] : [...forwarded, undefined];
  const hops = Math.max(0, Math.trunc(trustedHops));
  const at = chain.length - 1 - hops;
  const picked = chain[Math.max(0, at)];
  return normalizeAddress(picked ?? "unknown");
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one address; anything else is kept short and storable. */
export function normalizeAddress(value: string): string {
  const v = storableText(value).trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(v);
  return (mapped ? mapped[1]! : v || "unknown").slice(0, 64);
}

const STAMPED = Symbol.for("newsquiz.peerAddressStamp");

function stamping(): boolean {
  return (globalThis as { [STAMPED]?: boolean })[STAMPED] === true;
}

/**
 * Stamps each incoming HTTP request of this process with its socket's address,
 * before any of Next's code sees the request. Node publishes every request on
 * the "http.server.request.start" diagnostics channel synchronously, ahead of
 * the server's 'request' event, so nothing else needs to be wrapped. Idempotent.
 */
export function stampPeerAddresses(): void {
  const g = globalThis as { [STAMPED]?: boolean };
  if (g[STAMPED]) return;
  g[STAMPED] = true;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? "unknown";
  });
}
