import { and, asc, desc, eq, gt, lt, notInArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { storableText } from "@/lib/text";
import type { PublicUser } from "./accounts";

/**
 * Server-side sessions behind next-auth's JWT cookie. The token holds the
 * session's id; every session check reads the row with the user, so ending a
 * session (signing out, from /account, everywhere, a password change) kills
 * every copy of its cookie at once. Rows expire with the cookie, 30 days
 * after the last use.
 */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** How stale last_seen_at may get before a session check refreshes it (and the expiry). */
const TOUCH_AFTER_MS = 5 * 60 * 1000;
/** Oldest sessions beyond this are ended when a new one starts: a bounded list, a bounded table. */
export const MAX_SESSIONS_PER_USER = 20;

const isUuid = (id: string) => z.uuid().safeParse(id).success;

export async function createSession(input: {
  db: Executor;
  userId: string;
  userAgent: string;
  clientAddress: string;
  now?: Date;
}): Promise<string> {
  const now = input.now ?? new Date();
  const [row] = await input.db
    .insert(sessions)
    .values({
      userId: input.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS),
      userAgent: storableText(input.userAgent).slice(0, 300),
      clientAddress: input.clientAddress.slice(0, 64),
    })
    .returning({ id: sessions.id });
  const keep = input.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, input.userId))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
    .limit(MAX_SESSIONS_PER_USER);
  await input.db
    .delete(sessions)
    .where(and(eq(sessions.userId, input.userId), notInArray(sessions.id, keep)));
  await input.db.delete(sessions).where(and(eq(sessions.userId, input.userId), lt(sessions.expiresAt, now)));
  return row!.id;
}

/**
 * The user of a live session, or nothing when the session was ended, expired,
 * or belongs to someone else. One indexed read; a write only every few minutes.
 */
export async function userOfSession(input: {
  db: Executor;
  sessionId: string;
  userId: string;
  now?: Date;
}): Promise<PublicUser | undefined> {
  if (!isUuid(input.sessionId) || !isUuid(input.userId)) return undefined;
  const now = input.now ?? new Date();
  const [row] = await input.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.id, input.sessionId), eq(sessions.userId, input.userId), gt(sessions.expiresAt, now)),
    )
    .limit(1);
  if (!row) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await input.db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS) })
      .where(eq(sessions.id, input.sessionId));
  }
  const { lastSeenAt: _seen, ...user } = row;
  return user;
}

export type SessionSummary = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  device: string;
  clientAddress: string;
};

export async function listSessions(input: {
  db: Executor;
  userId: string;
  now?: Date;
}): Promise<SessionSummary[]> {
  if (!isUuid(input.userId)) return [];
  const rows = await input.db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      clientAddress: sessions.clientAddress,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, input.userId), gt(sessions.expiresAt, input.now ?? new Date())))
    .orderBy(desc(sessions.lastSeenAt), asc(sessions.createdAt))
    .limit(MAX_SESSIONS_PER_USER);
  return rows.map(({ userAgent, ...r }) => ({ ...r, device: deviceLabel(userAgent) }));
}

/** Ends one session of this user; another user's session id ends nothing. */
export async function endSession(input: {
  db: Executor;
  userId: string;
  sessionId: string;
}): Promise<boolean> {
  if (!isUuid(input.sessionId) || !isUuid(input.userId)) return false;
  const ended = await input.db
    .delete(sessions)
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, input.userId)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

export async function endAllSessions(input: { db: Executor; userId: string }): Promise<void> {
  if (!isUuid(input.userId)) return;
  await input.db.delete(sessions).where(eq(sessions.userId, input.userId));
}

/** "Chrome on Windows", from a User-Agent; never the raw string (it is long and can be anything). */
function deviceLabel(userAgent: string): string {
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\/|Opera/.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrome\/|Chromium\/|CriOS\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : "";
  const os = /iPhone|iPad|iPod/.test(ua)
    ? "iOS"
    : /Android/.test(ua)
      ? "Android"
      : /CrOS/.test(ua)
        ? "ChromeOS"
        : /Windows/.test(ua)
          ? "Windows"
          : /Mac OS X|Macintosh/.test(ua)
            ? "macOS"
            : /Linux/.test(ua)
              ? "Linux"
              : "";
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || "Unknown browser";
}
