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

/** FormData fields as strings (a File or a missing field becomes ""). */
export function formStrings<F extends string>(form: FormData, fields: readonly F[]): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const f of fields) {
    const v = form.get(f);
    out[f] = typeof v === "string" ? v : "";
  }
  return out;
}
