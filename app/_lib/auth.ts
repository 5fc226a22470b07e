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
import { isHashQueueFull } from "@/lib/auth/password";
import {
  SIGN_IN_ERROR_BUSY,
  SIGN_IN_ERROR_THROTTLED,
  SIGN_IN_ERROR_UNAVAILABLE,
} from "@/lib/auth/sign-in-messages";
import { authSecret, trustedProxyHops } from "@/lib/env";
import { clientAddressFrom } from "@/lib/http/client-address";
import { logError } from "@/lib/log";
import { authenticate } from "@/lib/users/accounts";
import { createSession, endSession, SESSION_MAX_AGE_MS, userOfSession } from "@/lib/users/sessions";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    id: string;
    role: Role;
    /** The sessions row made at this sign-in. */
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The sessions row this token belongs to; the token dies with it. */
    sid?: string;
  }
}

/** Thrown inside the jwt callback when a token's session has ended: next-auth then clears the cookie. */
class SessionRevoked extends Error {
  constructor() {
    super("session revoked");
    this.name = "SessionRevoked";
  }
}

/** Error codes authorize() may throw: next-auth puts the message in the sign-in URL, so only these. */
const KNOWN_CODES = new Set([SIGN_IN_ERROR_BUSY, SIGN_IN_ERROR_UNAVAILABLE]);
const isKnownCode = (e: unknown) =>
  e instanceof Error && (KNOWN_CODES.has(e.message) || e.message.startsWith(`${SIGN_IN_ERROR_THROTTLED}:`));

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
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_MS / 1000 },
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
          const clientAddress = clientAddressFrom(req?.headers, trustedProxyHops());
          try {
            const db = await getDb();
            const result = await authenticate({ db, email, password, clientAddress });
            if (result.ok) {
              const userAgent = req?.headers?.["user-agent"];
              const sessionId = await createSession({
                db,
                userId: result.user.id,
                userAgent: typeof userAgent === "string" ? userAgent : "",
                clientAddress,
              });
              return { ...result.user, sessionId };
            }
            if (result.reason === "throttled") {
              // Only a code and a time travel in the URL; the page writes the sentence.
              throw new Error(`${SIGN_IN_ERROR_THROTTLED}:${result.retryAt.getTime()}`);
            }
            return null;
          } catch (e) {
            if (isKnownCode(e)) throw e;
            if (isHashQueueFull(e)) throw new Error(SIGN_IN_ERROR_BUSY);
            // next-auth would put this error's message (a failed query, with its parameters) in the URL.
            logError("next-auth", "sign-in could not be checked", e);
            throw new Error(SIGN_IN_ERROR_UNAVAILABLE);
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sid = user.sessionId;
          return token;
        }
        if (!token.uid || !token.sid) throw new SessionRevoked();
        // Every session check reads the session's row with its user: signing out,
        // ending the session from /account, a password change or a deleted
        // account end it at once, for every copy of the cookie.
        let current: Awaited<ReturnType<typeof userOfSession>>;
        try {
          current = await userOfSession({ db: await getDb(), sessionId: token.sid, userId: token.uid });
        } catch (e) {
          hooks.onCheckFailed?.(e);
          throw e;
        }
        if (!current) throw new SessionRevoked();
        token.role = current.role;
        token.name = current.name;
        token.email = current.email;
        return token;
      },
      async session({ session, token }) {
        if (token.uid && token.role && token.sid) {
          session.user = {
            id: token.uid,
            role: token.role,
            name: token.name ?? "",
            email: token.email ?? "",
            sessionId: token.sid,
          };
        }
        return session;
      },
    },
    events: {
      // "Sign out" ends this browser's session on the server too: a copied cookie dies with it.
      async signOut({ token }) {
        const t = token as { uid?: string; sid?: string } | null;
        if (!t?.uid || !t.sid) return;
        try {
          await endSession({ db: await getDb(), userId: t.uid, sessionId: t.sid });
        } catch (e) {
          logError("next-auth", "sign-out could not end the session", e);
        }
      },
    },
    logger: {
      error(code, metadata) {
        const err = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
        if (err instanceof Error && err.name === "SessionRevoked") return;
        if (isKnownCode(err)) return;
        logError("next-auth", code, err);
      },
      warn(code) {
        if (code === "NEXTAUTH_URL") return;
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
  };
}

export type SessionUser = { id: string; name: string; email: string; role: Role; sessionId: string };

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

/** For pages, actions and route handlers: the signed-in user, or off to sign in. */
export async function requireUser(callbackUrl?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  return user;
}

/** A user of another role gets a 403 page, not a redirect that hides why. */
export async function requireRole(role: Role, callbackUrl?: string): Promise<SessionUser> {
  const user = await requireUser(callbackUrl);
  if (user.role !== role) forbidden();
  return user;
}
