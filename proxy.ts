import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { refuseMalformed } from "@/lib/http/malformed";

/** Private pages: signed-out visitors are sent to sign in before anything renders. */
const PROTECTED = [
  /^\/account(\/|$)/,
  /^\/teacher(\/|$)/,
  /^\/attempts(\/|$)/,
  /^\/assignments(\/|$)/,
  /^\/progress$/,
  /^\/join$/,
];
/** Downloads answer a signed-out request with their own 401, not a sign-in page. */
const DOWNLOAD = /\.csv$/;

/**
 * The page's Content-Security-Policy, with this request's nonce.
 *
 * - Scripts: only those carrying the nonce, and what they load ('strict-dynamic').
 *   An injected <script> or onerror= has no nonce and never runs. 'self' is a
 *   fallback for browsers without 'strict-dynamic' (which then ignore it).
 * - Styles: 'unsafe-inline' because React writes style attributes (the mastery
 *   bars on /progress) and a nonce cannot cover attributes; injected CSS cannot
 *   run code, and every text we show is escaped by React anyway.
 * - Development needs 'unsafe-eval' (React rebuilds server error stacks with eval).
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Runs before every page: sets a fresh CSP nonce (Next reads it from the
 * request's Content-Security-Policy header and puts it on its own scripts;
 * every page is rendered per request, so each gets its own), and, as a
 * convenience only, sends signed-out visitors of private pages to sign in.
 * Every page, action and route handler checks the session and the role itself.
 */
export async function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce(), env().NODE_ENV === "development");
  const { pathname, search } = request.nextUrl;

  const refused = await refuseMalformed(request);
  if (refused)
    return new NextResponse(refused.message, {
      status: refused.status,
      headers: { "Content-Security-Policy": csp, "Content-Type": "text/plain; charset=utf-8" },
    });

  if (PROTECTED.some((p) => p.test(pathname)) && !DOWNLOAD.test(pathname)) {
    // Only whether a session cookie is there: the page itself verifies it, so the
    // proxy need not pay for decrypting the token on every request.
    const hasSession = request.cookies
      .getAll()
      .some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(c.name));
    if (!hasSession) {
      const url = new URL("/sign-in", request.url);
      url.searchParams.set("callbackUrl", pathname + search);
      const redirect = NextResponse.redirect(url);
      redirect.headers.set("Content-Security-Policy", csp);
      return redirect;
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Every page, prefetches included (all pages are dynamic; a prefetched page
  // must carry its policy too). Not API routes (their CSP is in
  // next.config.js), nor static files, which run no script of their own.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
