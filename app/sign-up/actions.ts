"use server";

import { requestClientAddress } from "@/app/_lib/request";
import { getDb } from "@/db";
import { fieldErrorsFrom, formStrings, type ActionResult } from "@/lib/action-result";
import { isHashQueueFull } from "@/lib/auth/password";
import { logError } from "@/lib/log";
import { minutesUntil } from "@/lib/rate-limit";
import { signUp, signUpSchema } from "@/lib/users/accounts";

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
    const result = await signUp({
      db: await getDb(),
      clientAddress: await requestClientAddress(),
      ...parsed.data,
    });
    if (!result.ok && "reason" in result)
      return {
        status: "error",
        message: `Many accounts were just made from your network. Please try again in ${minutesUntil(result.retryAt)}.`,
        values,
      };
    if (!result.ok)
      return {
        status: "error",
        message: "Please correct the highlighted fields.",
        fieldErrors: result.fieldErrors,
        values,
      };
    return { status: "success", message: "Your account is ready.", values: { email: result.user.email } };
  } catch (e) {
    if (isHashQueueFull(e))
      return {
        status: "error",
        message:
          "Many people are signing up right now. Your details are still here; please try again in a moment.",
        values,
      };
    logError("sign-up", "could not create account", e);
    return {
      status: "error",
      message: "Something went wrong on our side. Your details are still here; please try again.",
      values,
    };
  }
}
