"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { fieldErrorsFrom, formStrings, type ActionResult } from "@/lib/action-result";
import { changePassword, changePasswordSchema, signOutEverywhere } from "@/lib/users/accounts";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;
type Field = (typeof FIELDS)[number];

export async function changePasswordAction(
  _prev: ActionResult<Field>,
  form: FormData,
): Promise<ActionResult<Field>> {
  const user = await requireUser("/account");
  const parsed = changePasswordSchema.safeParse(formStrings(form, FIELDS));
  if (!parsed.success) {
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: fieldErrorsFrom<Field>(parsed.error.issues),
    };
  }
  const result = await changePassword({ db: await getDb(), userId: user.id, ...parsed.data });
  if (!result.ok)
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: result.fieldErrors,
    };
  // The new session version ends every session, this one too: sign in again with the new password.
  redirect("/sign-in?notice=password-changed");
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser("/account");
  await signOutEverywhere({ db: await getDb(), userId: user.id });
  redirect("/sign-in?notice=signed-out-everywhere");
}
