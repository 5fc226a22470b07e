import "server-only";
import { revalidatePath } from "next/cache";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireRole, requireUser, type SessionUser } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { isDatabaseUnavailable, type Db } from "@/db/client";
import type { Role } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { withNotice } from "@/lib/notices";
import { fieldErrorsOf, type FieldErrors } from "@/lib/result";
import { describeError } from "@/lib/log";
import { storableText } from "@/lib/text";

export { describeError };

/**
 * The one pipeline of every server action (see ARCHITECTURE.md):
 *
 *   session and role → zod → run (the domain function checks ownership in its
 *   where) → revalidate → redirect, outside any try
 *
 * with every error caught once: logged by class and code (never a message: a
 * driver's holds the query's parameters, which hold hashes and whole
 * articles) and answered with a plain sentence. Two bindings of it:
 *
 * - `formAction`: a form with fields to correct, used with `useActionState`.
 *   Every failure returns an ActionResult with the typed values.
 * - `buttonAction`: a button in a server-rendered page (no client state).
 *   Every outcome is a navigation: a redirect (with a `?notice=`) or notFound().
 *
 * Both work without JavaScript: they are plain form posts to a server action.
 */

/** Who may call an action. The role is part of who is asking, so it is checked with the session. */
export type Access = "anyone" | "signed-in" | Role;
type UserOf<A extends Access> = A extends "anyone" ? null : SessionUser;

/** A form's fields: the first value of each, text made storable; files as they came. */
export type FormFields = Record<string, string | File>;

export type Context<A extends Access, I> = {
  user: UserOf<A>;
  /** What the schema made of the form. */
  input: I;
  db: Db;
  /** The post itself, for fields the schema does not cover (repeated or named after ids). */
  form: FormData;
};

/** Where an action goes when its work is done. */
export type Done<F extends string = string> = {
  kind: "done";
  redirect?: string;
  revalidate?: string[];
  /** Shown by the form when the action does not redirect. */
  message?: string;
  values?: Partial<Record<F, string>>;
};

/** A refusal the form shows: a sentence, messages per field, and the domain's reason. */
export type Failed<F extends string = string> = {
  kind: "failed";
  message: string;
  fieldErrors?: FieldErrors<F>;
  reason?: string;
};

export type Navigation = { kind: "done"; redirect: string; revalidate?: string[] };

const CORRECT_FIELDS = "Please correct the highlighted fields.";
const UNAVAILABLE =
  "We could not reach the database just now. Nothing you typed is lost: please try again in a minute.";
const FAILED = "Something went wrong on our side. Nothing you typed is lost: please try again.";

/** Done: go to `path` (after revalidating `revalidate`). */
export const goTo = (path: string, options: { revalidate?: string[] } = {}): Navigation => ({
  kind: "done",
  redirect: path,
  ...options,
});

/** Done: stay on the form and say `message`. */
export const stay = <F extends string = string>(
  message: string,
  options: { revalidate?: string[]; values?: Partial<Record<F, string>> } = {},
): Done<F> => ({ kind: "done", message, ...options });

export const fail = <F extends string = string>(
  message: string,
  options: { fieldErrors?: FieldErrors<F>; reason?: string } = {},
): Failed<F> => ({ kind: "failed", message, ...options });

/** The input broke a rule the schema could not see (the domain said so, per field). */
export const invalid = <F extends string = string>(
  fieldErrors: FieldErrors<F> | undefined,
  reason?: string,
) => fail<F>(CORRECT_FIELDS, { fieldErrors, reason });

type Page = string | ((fields: FormFields) => string);

type Common<A extends Access, S extends z.ZodType> = {
  /** For the log: which action failed. */
  name: string;
  access: A;
  schema: S;
  /** What the schema reads: the form's fields unless said. */
  read?: (form: FormData, fields: FormFields) => unknown;
};

export function formAction<
  A extends Access,
  S extends z.ZodType,
  F extends string = Extract<keyof z.input<S>, string>,
>(
  spec: Common<A, S> & {
    /** The page the form is on: a signed-out person signs in and comes back to it. */
    page?: Page;
    /** Fields never given back (passwords). */
    secret?: readonly string[];
    run: (ctx: Context<A, z.output<S>>) => Promise<Done<F> | Failed<F>>;
  },
): (previous: ActionResult<F>, form: FormData) => Promise<ActionResult<F>> {
  return async (_previous, form) => {
    const fields = fieldsOf(form);
    const values = valuesOf(form, spec.secret) as Partial<Record<F, string>>;
    let done: Done<F>;
    try {
      const user = await who(spec.access, pageOf(spec.page, fields));
      const parsed = spec.schema.safeParse(spec.read ? spec.read(form, fields) : fields);
      if (!parsed.success)
        return {
          status: "error",
          message: CORRECT_FIELDS,
          fieldErrors: fieldErrorsOf<F>(parsed.error),
          values,
        };
      const out = await spec.run({ user, input: parsed.data, db: await getDb(), form });
      if (out.kind === "failed") {
        const { kind: _kind, ...failure } = out;
        return { status: "error", ...failure, values };
      }
      done = out;
    } catch (e) {
      unstable_rethrow(e); // redirect(), notFound() and forbidden() are answers, not failures
      return { status: "error", ...failureOf(spec.name, e), values };
    }
    for (const path of done.revalidate ?? []) revalidatePath(path);
    if (done.redirect) redirect(done.redirect);
    return { status: "success", message: done.message, values: done.values };
  };
}

export function buttonAction<A extends Access, S extends z.ZodType>(
  spec: Common<A, S> & {
    /** The page the button is on: for signing in and coming back, and for "try again". */
    page: (fields: FormFields) => string;
    /** Where a post goes when the database cannot be reached; the page with a "try again" notice unless said. */
    unavailable?: (fields: FormFields) => string;
    run: (ctx: Context<A, z.output<S>>) => Promise<Navigation>;
  },
): (form: FormData) => Promise<void> {
  return async (form) => {
    const fields = fieldsOf(form);
    const page = spec.page(fields);
    let done: Navigation;
    try {
      const user = await who(spec.access, page);
      const parsed = spec.schema.safeParse(spec.read ? spec.read(form, fields) : fields);
      // A button's fields are written by the page: ones that do not parse name nothing that exists.
      if (!parsed.success) notFound();
      done = await spec.run({ user, input: parsed.data, db: await getDb(), form });
    } catch (e) {
      unstable_rethrow(e);
      const failure = failureOf(spec.name, e);
      done = goTo(
        failure.reason === "unavailable" && spec.unavailable
          ? spec.unavailable(fields)
          : withNotice(page, "try-again"),
      );
    }
    for (const path of done.revalidate ?? []) revalidatePath(path);
    redirect(done.redirect);
  };
}

async function who<A extends Access>(access: A, page: string | undefined): Promise<UserOf<A>> {
  if (access === "anyone") return null as UserOf<A>;
  if (access === "signed-in") return (await requireUser(page)) as UserOf<A>;
  return (await requireRole(access as Role, page)) as UserOf<A>;
}

const pageOf = (page: Page | undefined, fields: FormFields) =>
  typeof page === "function" ? page(fields) : page;

/** The first value of each field (as a browser posts one per input), text made storable. */
export function fieldsOf(form: FormData): FormFields {
  const out = new Map<string, string | File>();
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION") || out.has(key)) continue;
    out.set(key, typeof value === "string" ? storableText(value) : value);
  }
  // fromEntries defines own properties: a field named __proto__ stays a field.
  return Object.fromEntries(out);
}

/** Longest value given back: an article's worth. Longer input was refused anyway. */
const MAX_VALUE = 300_000;

/** The typed values to give back after a failure: every text field (repeated ones a line each), never a secret. */
function valuesOf(form: FormData, secret: readonly string[] = []): Record<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || secret.includes(key)) continue;
    const text = storableText(value).slice(0, MAX_VALUE);
    out.set(key, out.has(key) ? `${out.get(key)}\n${text}` : text);
  }
  return Object.fromEntries(out);
}

function failureOf(name: string, e: unknown): { message: string; reason: "unavailable" | "failed" } {
  const unavailable = isDatabaseUnavailable(e);
  console.error(`[action ${name}] ${unavailable ? "database unreachable" : "failed"}: ${describeError(e)}`);
  return unavailable
    ? { reason: "unavailable", message: UNAVAILABLE }
    : { reason: "failed", message: FAILED };
}
