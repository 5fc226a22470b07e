/**
 * Runs pages, server actions and route handlers for real in Vitest, with only
 * the framework edges replaced: the session lookup, `connection()`, the
 * cache, request headers, and redirect/notFound/forbidden, which throw an
 * Interrupt the test reads as an outcome.
 *
 * vi.mock calls are hoisted per test file, so each file still declares them,
 * but takes the replacement from here:
 *
 *   vi.mock("next-auth/next", async (orig) => (await import("../support/app-harness")).nextAuthMock(await orig()));
 *
 * The module is loaded once per test file, so `session` here is the one the
 * mocked getServerSession reads.
 */
export type Who = { id: string; name: string; email: string; role: "student" | "teacher" } | null;

/** Who is signed in for the next call; null is signed out. */
export const session: { user: Who } = { user: null };

/** What redirect(), notFound() and forbidden() throw instead of Next's own errors. */
export class Interrupt extends Error {
  constructor(
    readonly outcome: string,
    readonly url?: string,
  ) {
    super(outcome);
  }
}

export const nextAuthMock = <T extends object>(actual: T) => ({
  ...actual,
  getServerSession: async () => (session.user ? { user: session.user } : null),
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
});

export const cacheMock = () => ({ revalidatePath: () => {}, revalidateTag: () => {} });

export const headersMock = () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
  headers: async () => new Headers(),
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
export const page = <P extends Record<string, string>>(params: P = {} as P) => ({
  params: Promise.resolve(params),
  searchParams: Promise.resolve({}),
});

/** A form post of string fields. */
export function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}
