/**
 * Runs pages, server actions and route handlers for real in Vitest. Only the
 * framework's plumbing is replaced, and what replaces it is real:
 *
 * - the request: real `Headers` and Next's own cookie parser (which decodes
 *   values as Next does), so a malformed cookie reaches the code as it would;
 * - the session: a real sessions row and a real next-auth session cookie (an
 *   encrypted JWT naming it, as sign-in issues) for `session.user`, read by
 *   next-auth's real getServerSession, whose jwt callback reads the session
 *   and its user from the test database;
 * - redirect/notFound/forbidden throw an Interrupt the test reads as an
 *   outcome; `connection()` and the cache are no-ops.
 *
 * tests/support/next-mocks.ts (a setup file of the integration and fuzz
 * projects) installs these for every test file. The module is loaded once
 * per test file, so `session` and `request` here are the ones the mocks read.
 */
import { encode } from "next-auth/jwt";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { getDb } from "@/db";
import { PEER_HEADER, stampPeerAddresses } from "@/lib/http/client-address";
import { createSession } from "@/lib/users/sessions";

export type Who = { id: string; name: string; email: string; role: "student" | "teacher" } | null;

/** Who is signed in for the next call; null is signed out. */
export const session: { user: Who } = { user: null };

// As the server does at start-up: each request carries the address of the socket it came on.
stampPeerAddresses();

/**
 * This test file's own client address. Per-address limits (sign-in, sign-up,
 * join codes) count in the database, and files running at once on a shared
 * PostgreSQL must not fill each other's.
 */
export const CLIENT_ADDRESS = `192.0.2.${process.pid % 250}-${Math.random().toString(36).slice(2, 10)}`;

/** What the browser sends besides the session: set a header (a cookie: `tz=...`) for the next calls. */
export const request = { headers: new Headers({ host: "localhost:3000", [PEER_HEADER]: CLIENT_ADDRESS }) };

/** The name next-auth gives its session cookie on plain http. */
const SESSION_COOKIE = "next-auth.session-token";

/** The session each user is signed in with here (a sessions row), by user id. */
const sessions = new Map<string, Promise<string>>();
const tokens = new Map<string, Promise<string>>();

function sessionOf(who: NonNullable<Who>): Promise<string> {
  let id = sessions.get(who.id);
  if (!id) {
    id = getDb().then((db) =>
      createSession({ db, userId: who.id, userAgent: "vitest", clientAddress: "unknown" }),
    );
    sessions.set(who.id, id);
  }
  return id;
}

/** A session token as signing in would issue it, naming the user's session. */
async function sessionToken(who: NonNullable<Who>): Promise<string> {
  const sid = await sessionOf(who);
  let token = tokens.get(sid);
  if (!token) {
    token = encode({
      token: { sub: who.id, uid: who.id, role: who.role, sid, name: who.name, email: who.email },
      secret: process.env.NEXTAUTH_SECRET ?? "",
    });
    tokens.set(sid, token);
  }
  return token;
}

/**
 * After a sign-out, a password change or "sign out everywhere" the session is
 * gone, as a browser's would be. `session.user = x` means x is signed in, so
 * the harness signs in again: a new session.
 */
async function signInAgain(who: NonNullable<Who>): Promise<boolean> {
  sessions.delete(who.id);
  await sessionOf(who);
  return true;
}

/** The request's headers as the server sees them: the test's own, plus the session cookie. */
async function requestHeaders(): Promise<Headers> {
  const headers = new Headers(request.headers);
  if (session.user) {
    const cookie = `${SESSION_COOKIE}=${await sessionToken(session.user)}`;
    const rest = headers.get("cookie");
    headers.set("cookie", rest ? `${rest}; ${cookie}` : cookie);
  }
  return headers;
}

/** What redirect(), notFound() and forbidden() throw instead of Next's own errors. */
export class Interrupt extends Error {
  constructor(
    readonly outcome: string,
    readonly url?: string,
  ) {
    super(outcome);
  }
}

type GetServerSession = (req: unknown, res: unknown, options: unknown) => Promise<unknown>;

/** next-auth's own getServerSession, given this request's headers and cookies (it reads next/headers by require, which vi.mock cannot reach). */
export const nextAuthMock = <T extends object>(actual: T) => ({
  ...actual,
  getServerSession: async (options: unknown) => {
    const read = async () => {
      const headers = await requestHeaders();
      const cookies = Object.fromEntries(new RequestCookies(headers).getAll().map((c) => [c.name, c.value]));
      const res = { getHeader() {}, setCookie() {}, setHeader() {} };
      return (actual as unknown as { getServerSession: GetServerSession }).getServerSession(
        { headers: Object.fromEntries(headers), cookies },
        res,
        options,
      );
    };
    const found = await read();
    if (found || !session.user || !(await signInAgain(session.user))) return found;
    return read();
  },
});

export const nextServerMock = <T extends object>(actual: T) => ({ ...actual, connection: async () => {} });

export const navigationMock = <T extends object>(actual: T) => ({
  ...actual,
  redirect: (url: string) => {
    throw new Interrupt(url.startsWith("/sign-in") ? "sign-in" : `redirect ${url.split(/[?#]/)[0]}`, url);
  },
  notFound: () => {
    throw new Interrupt("not-found");
  },
  forbidden: () => {
    throw new Interrupt("forbidden");
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Interrupt) throw error;
    (actual as unknown as { unstable_rethrow: (e: unknown) => void }).unstable_rethrow(error);
  },
});

export const cacheMock = () => ({ revalidatePath: () => {}, revalidateTag: () => {} });

export const headersMock = () => ({
  cookies: async () => new RequestCookies(await requestHeaders()),
  headers: async () => requestHeaders(),
});

export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * What a person got: "ok", "sign-in", "forbidden", "not-found", "redirect /path", "error" or "http 404".
 * Anything else thrown is rethrown: in the app it would be a 500.
 */
export async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    const r = await run();
    if (r instanceof Response) return `http ${r.status}`;
    if (r && typeof r === "object" && "status" in r && typeof r.status === "string" && !("props" in r))
      return r.status === "error" ? "error" : "ok";
    return "ok";
  } catch (e) {
    if (e instanceof Interrupt) return e.outcome.replace(UUID, ":id");
    throw e;
  }
}

/** A page's props. */
export const page = <P extends Record<string, string>>(
  params: P = {} as P,
  searchParams: Record<string, string> = {},
) => ({
  params: Promise.resolve(params),
  searchParams: Promise.resolve(searchParams),
});

/** A form post of string fields. */
export function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}
