import type { FieldErrors } from "./result";

/**
 * The one shape every form action returns, so every form shows errors the
 * same way: a message for the whole form, messages per field, the values to
 * put back so nothing typed is lost (never a password), and, on a refusal,
 * the domain's reason for a script that reacts to it (autosave). Browser-safe:
 * forms import the type.
 */
export type ActionResult<F extends string = string> = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: FieldErrors<F>;
  values?: Partial<Record<F, string>>;
  reason?: string;
};

export const idleResult: ActionResult<never> = { status: "idle" };
