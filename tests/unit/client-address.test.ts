import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clientAddressFrom,
  normalizeAddress,
  PEER_HEADER,
  stampPeerAddresses,
} from "@/lib/http/client-address";

// The server stamps each request with its socket's address (see app/_lib/startup.ts); tests read that stamp.
stampPeerAddresses();
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join("."));

describe("the client's address", () => {
  it("is the socket's address by default, whatever X-Forwarded-For says (a forged header moved no limit)", () => {
    fc.assert(
      fc.property(fc.string(), ipv4, (forged, socket) => {
        const headers = new Headers({ [PEER_HEADER]: socket });
        try {
          headers.set("x-forwarded-for", forged);
        } catch {
          // not a valid header value: a client could not send it either
        }
        expect(clientAddressFrom(headers, 0)).toBe(socket);
      }),
    );
  });

  it("behind N proxies of ours, is the entry N places left of the socket, whatever the client wrote further left", () => {
    fc.assert(
      fc.property(
        fc.array(ipv4, { maxLength: 4 }),
        ipv4,
        fc.array(ipv4, { maxLength: 3 }),
        ipv4,
        (forged, client, proxies, socket) => {
          const hops = proxies.length + 1;
          // The first proxy appends the client it saw; each further proxy appends the one before it.
          const headers = {
            "x-forwarded-for": [...forged, client, ...proxies].join(", "),
            [PEER_HEADER]: socket,
          };
          expect(clientAddressFrom(headers, hops)).toBe(client);
        },
      ),
    );
  });

  it("reads an IPv4 address mapped into IPv6 as the IPv4 address, and keeps junk short", () => {
    expect(normalizeAddress("::ffff:10.0.0.7")).toBe("10.0.0.7");
    expect(normalizeAddress("x".repeat(500))).toHaveLength(64);
    expect(normalizeAddress("a\u0000b")).toBe("ab");
    expect(clientAddressFrom(undefined, 0)).toBe("unknown");
  });

  it("on Vercel (one hop, no socket of ours), is the address Vercel's edge wrote", () => {
    // Without a stamp the nearest proxy's entry stands in for the socket.
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.9" }, 1)).toBe("203.0.113.9");
  });
});
