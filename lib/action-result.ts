/**
 * The one shape every server action returns, so every form shows errors the
 * same way: a message for the whole form, messages per field, and the values
 * to put back so nothing typed is lost (never a password).
 */
export type ActionResult<F extends string = string> = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Partial<Record<F, string[]>>;
  values?: Partial<Record<F, string>>;
};

export const idle: ActionResult = { status: "idle" };

/** Turns a zod error into field messages (first path segment is the field). */
export function fieldErrorsFrom<F extends string>(issues: { path: PropertyKey[]; message: string }[]) {
  const out: Partial<Record<F, string[]>> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form") as F;
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text PostgreSQL can take. Its text and jsonb cannot hold U+0000, and a lone
 * UTF-16 surrogate is not UTF-8 at all (PGlite sends broken bytes for it): a
 * forged post with either failed its query, a 500. No keyboard types them, so
 * where form input is read NUL is dropped and a lone surrogate becomes U+FFFD.
 */
export const storableText = (s: string) => s.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");

/** FormData fields as strings (a File or a missing field becomes ""), without NUL characters. */
export function formStrings<F extends string>(form: FormData, fields: readonly F[]): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const f of fields) {
    const v = form.get(f);
    out[f] = typeof v === "string" ? storableText(v) : "";
  }
  return out;
}
