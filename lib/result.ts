/**
 * The one shape of a domain function that can refuse: `{ ok: true, ... }`, or
 * `{ ok: false, reason }` with messages per field when the refusal is about
 * the input. Reads that find nothing (or nothing this person may see) return
 * undefined instead; writes say why they did not happen.
 */
export type FieldErrors<F extends string = string> = Partial<Record<F, string[]>>;

export type Refusal<R extends string = string, F extends string = string> = {
  ok: false;
  reason: R;
  fieldErrors?: FieldErrors<F>;
};

export type Result<T extends object = object, R extends string = string, F extends string = string> =
  ({ ok: true } & T) | Refusal<R, F>;

export function ok(): { ok: true };
export function ok<T extends object>(value: T): { ok: true } & T;
export function ok(value: object = {}) {
  return { ok: true as const, ...value };
}

export function refuse<R extends string, F extends string = never>(
  reason: R,
  fieldErrors?: FieldErrors<F>,
): Refusal<R, F> {
  return fieldErrors ? { ok: false, reason, fieldErrors } : { ok: false, reason };
}

type Issue = { path: readonly PropertyKey[]; message: string };

/** A zod error as messages per field: the first segment of an issue's path names the field ("form" when none). */
export function fieldErrorsOf<F extends string = string>(error: {
  issues: readonly Issue[];
}): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form") as F;
    const list = (out[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}
