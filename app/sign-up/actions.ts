"use server";

import { getDb } from "@/db";
import { fieldErrorsFrom, formStrings, type ActionResult } from "@/lib/action-result";
import { createUser, signUpSchema } from "@/lib/users/accounts";

const FIELDS = ["name", "email", "password", "role"] as const;
type Field = (typeof FIELDS)[number];

export async function signUpAction(_prev: ActionResult<Field>, form: FormData): Promise<ActionResult<Field>> {
  // Anyone may sign up, so there is no session to check; the input is checked in full.
  const raw = formStrings(form, FIELDS);
  const values = { name: raw.name, email: raw.email, role: raw.role };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: fieldErrorsFrom<Field>(parsed.error.issues),
      values,
    };
  }
  try {
    const result = await createUser({ db: await getDb(), ...parsed.data });
    if (!result.ok)
      return {
        status: "error",
        message: "Please correct the highlighted fields.",
        fieldErrors: result.fieldErrors,
        values,
      };
    return { status: "success", message: "Your account is ready.", values: { email: result.user.email } };
  } catch (e) {
    console.error("[sign-up] could not create account:", e);
    return {
      status: "error",
      message: "Something went wrong on our side. Your details are still here; please try again.",
      values,
    };
  }
}
