/**
 * next-auth reports sign-in failures as short codes (in a URL or in signIn()'s
 * result). Only codes we know become sentences, so a crafted link cannot put
 * its own words on our page, and the sign-in code never lets an error's own
 * message (a failed query, with its parameters) become the code. Shared by the
 * server page and the browser form.
 */
export const SIGN_IN_ERROR_THROTTLED = "throttled";
/** Too many password checks at once on this server: try again in a moment. */
export const SIGN_IN_ERROR_BUSY = "busy";
/** Something failed on our side (the database, most likely). */
export const SIGN_IN_ERROR_UNAVAILABLE = "unavailable";

export function signInErrorMessage(code: string | undefined, now = Date.now()): string | undefined {
  if (!code) return undefined;
  if (code.startsWith(`${SIGN_IN_ERROR_THROTTLED}:`)) {
    const retryAt = Number(code.slice(SIGN_IN_ERROR_THROTTLED.length + 1));
    const minutes = Number.isFinite(retryAt) ? Math.max(1, Math.ceil((retryAt - now) / 60_000)) : 15;
    return `Too many failed sign-ins. For your safety, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (code === SIGN_IN_ERROR_BUSY)
    return "Many people are signing in right now. Please try again in a moment.";
  if (code === SIGN_IN_ERROR_UNAVAILABLE)
    return "We could not sign you in just now because of a problem on our side. Please try again in a moment.";
  if (code === "CredentialsSignin")
    return "That email and password do not match an account. Check them and try again.";
  if (code === "SessionRequired") return "Please sign in to continue.";
  return "Sign-in failed. Please try again.";
}
