import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth/next";
import CredentialsProvider from "next-auth/providers/credentials";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getDb } from "@/db";
import { storableText } from "@/lib/text";
import type { Role } from "@/db/schema";
import { SIGN_IN_ERROR_THROTTLED } from "@/lib/auth/sign-in-messages";
import { authSecret } from "@/lib/env";
import { authenticate, getUserById } from "@/lib/users/accounts";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    id: string;
    role: Role;
    sessionVersion: number;
    mustChangePassword: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
    /** A teacher reset the password: nothing but choosing a new one until it is done. */
    mcp?: boolean;
  }
}

/** Thrown inside the jwt callback when a token's session version is stale: next-auth then clears the cookie. */
class SessionRevoked extends Error {
  constructor() {
    super("session revoked");
    this.name = "SessionRevoked";
  }
}

/** The address of the nearest peer. The last X-Forwarded-For entry is the one our own proxy (Next, Vercel) wrote. */
export function clientAddressFrom(headers: Record<string, unknown> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? String(v[v.length - 1]) : typeof v === "string" ? v : undefined;
  };
  const forwarded = get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return storableText(last || get("x-real-ip") || "unknown").slice(0, 64);
}

/**
 * The session could not be checked because the database did not answer. next-auth
 * treats any error in the jwt callback as a dead session (the request would be
 * sent to sign in, a quiz post answered with a redirect that drops it); this is
 * a failure to show and retry instead.
 */
class SessionCheckUnavailableError extends Error {
  constructor(cause: unknown) {
    super("the session could not be checked: the database is unreachable", { cause });
    this.name = "SessionCheckUnavailableError";
  }
}

type AuthHooks = {
  /** Called when the jwt callback cannot reach the database to re-read the user. */
  onCheckFailed?: (error: unknown) => void;
};

export function authOptions(hooks: AuthHooks = {}): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === "string" ? storableText(credentials.email) : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          // No account has a longer email (sign-up allows 254), and the throttle's key must fit its index.
          if (!email || !password || email.length > 254) return null;
          const result = await authenticate({
            db: await getDb(),
            email,
            password,
            clientAddress: clientAddressFrom(req?.headers),
          });
          if (result.ok) return result.user;
          if (result.reason === "throttled") {
            // Only a code and a time travel in the URL; the page writes the sentence.
            throw new Error(`${SIGN_IN_ERROR_THROTTLED}:${result.retryAt.getTime()}`);
          }
          return null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.mcp = user.mustChangePassword;
          return token;
        }
        if (!token.uid) throw new SessionRevoked();
        // Every session check re-reads the user: sign-out-everywhere, a password
        // change or a deleted account end the session at once.
        let current: Awaited<ReturnType<typeof getUserById>>;
        try {
          current = await getUserById({ db: await getDb(), userId: token.uid });
        } catch (e) {
          hooks.onCheckFailed?.(e);
          throw e;
        }
        if (!current || current.sessionVersion !== token.sv) throw new SessionRevoked();
        token.role = current.role;
        token.name = current.name;
        token.email = current.email;
        token.mcp = current.mustChangePassword;
        return token;
      },
      async session({ session, token }) {
        if (token.uid && token.role) {
          session.user = {
            id: token.uid,
            role: token.role,
            name: token.name ?? "",
            email: token.email ?? "",
            mustChangePassword: token.mcp === true,
          };
        }
        return session;
      },
    },
    logger: {
      error(code, metadata) {
        const err = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
        if (err instanceof Error && err.name === "SessionRevoked") return;
        if (err instanceof Error && err.message.startsWith(`${SIGN_IN_ERROR_THROTTLED}:`)) return;
        console.error(`[next-auth] ${code}`, err instanceof Error ? err.message : "");
      },
      warn(code) {
        if (code === "NEXTAUTH_URL") return;
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
  };
}

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** A teacher reset the password and a new one is not chosen yet (requireUser sends them to choose it). */
  mustChangePassword: boolean;
};

/** Where a person whose teacher reset their password chooses a new one. */
export const NEW_PASSWORD_PAGE = "/account/new-password";

/**
 * The signed-in user of this request. Memoised per request with React's cache:
 * the layout, the page and its metadata all ask, and each uncached ask would
 * re-read the user's session version from the database.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Per-request by nature: never prerendered at build time (when no secret need exist).
  await connection();
  let unavailable: { error: unknown } | undefined;
  const session = await getServerSession(
    authOptions({ onCheckFailed: (error) => (unavailable = { error }) }),
  );
  if (unavailable) throw new SessionCheckUnavailableError(unavailable.error);
  const user = session?.user;
  return user?.id ? user : null;
});

type Gate = {
  /** Only the page and action that choose a new password after a reset may be used before that. */
  duringPasswordReset?: boolean;
};

/**
 * For pages, actions and route handlers: the signed-in user, or off to sign
 * in. A person whose password a teacher reset is sent to choose a new one
 * first, from every page and action (they all come through here).
 */
export async function requireUser(callbackUrl?: string, gate: Gate = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  if (user.mustChangePassword && !gate.duringPasswordReset) redirect(NEW_PASSWORD_PAGE);
  return user;
}

/** A user of another role gets a 403 page, not a redirect that hides why. */
export async function requireRole(role: Role, callbackUrl?: string): Promise<SessionUser> {
  const user = await requireUser(callbackUrl);
  if (user.role !== role) forbidden();
  return user;
}
