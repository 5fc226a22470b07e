const BASE = "http://same-origin.invalid";
const CONTROL_OR_BACKSLASH = /[\u0000-\u001F\u007F\\]/;

/**
 * Only same-site paths may be redirect targets; anything else falls back.
 * The value is resolved the way a browser resolves it (a URL parser drops
 * tabs and newlines, and reads "\" as "/", so "/\t/evil.example" and
 * "/\\evil.example" both lead off-site) and must stay on our origin; control
 * characters and backslashes are refused outright.
 */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 500) return fallback;
  if (!value.startsWith("/") || CONTROL_OR_BACKSLASH.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "//x" would be read as another host when used as a relative URL.
  return path.startsWith("//") ? fallback : path;
}
