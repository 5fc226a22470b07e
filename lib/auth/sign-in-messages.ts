/**
 * next-auth reports sign-in failures as short codes (in a URL or in signIn()'s
 * result). Only codes we know become sentences, so a crafted link cannot put
 * its own words on our page. Shared by the server page and the browser form.
 */
export const SIGN_IN_ERROR_THROTTLED = "throttled";

export function signInErrorMessage(code: string | undefined, now = Date.now()): string | undefined {
  if (!code) return undefined;
  if (code.startsWith(`${SIGN_IN_ERROR_THROTTLED}:`)) {
    const retryAt = Number(code.slice(SIGN_IN_ERROR_THROTTLED.length + 1));
    const minutes = Number.isFinite(retryAt) ? Math.max(1, Math.ceil((retryAt - now) / 60_000)) : 15;
    return `Too many failed sign-ins. For your safety, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (code === "CredentialsSignin")
    return "That email and password do not match an account. Check them and try again.";
  if (code === "SessionRequired") return "Please sign in to continue.";
  return "Sign-in failed. Please try again.";
}
