import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The site's address for links people copy (a class's invite link): the
 * configured NEXTAUTH_URL, else the host this request came to. A forged Host
 * header only changes what the forger sees on their own page.
 */
export async function siteOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  // A host is letters, digits, dots, dashes, a port or a bracketed IPv6 address; anything else is not one.
  return /^[\w.-]+(:\d+)?$|^\[[\da-f:]+\](:\d+)?$/i.test(host)
    ? `${proto}://${host}`
    : "http://localhost:3000";
}

/** The link that opens /join with the class's code filled in. */
export const inviteLink = (origin: string, joinCode: string) =>
  `${origin}/join?code=${encodeURIComponent(joinCode)}`;
