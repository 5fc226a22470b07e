"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/app/_lib/auth";
import { requestClientAddress } from "@/app/_lib/request";
import { getDb } from "@/db";
import { fieldErrorsFrom, formStrings, type ActionResult } from "@/lib/action-result";
import { isHashQueueFull } from "@/lib/auth/password";
import { minutesUntil } from "@/lib/rate-limit";
import { changePassword, changePasswordSchema, signOutEverywhere } from "@/lib/users/accounts";
import { endSession } from "@/lib/users/sessions";

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
  let result: Awaited<ReturnType<typeof changePassword>>;
  try {
    result = await changePassword({
      db: await getDb(),
      userId: user.id,
      clientAddress: await requestClientAddress(),
      ...parsed.data,
    });
  } catch (e) {
    if (!isHashQueueFull(e)) throw e;
    return { status: "error", message: "The server is busy right now. Please try again in a moment." };
  }
  if (!result.ok && result.reason === "throttled")
    return {
      status: "error",
      message: `Too many wrong passwords. For your safety, try again in ${minutesUntil(result.retryAt)}.`,
    };
  if (!result.ok)
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: result.fieldErrors,
    };
  // Every session has ended, this one too: sign in again with the new password.
  redirect("/sign-in?notice=password-changed");
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser("/account");
  await signOutEverywhere({ db: await getDb(), userId: user.id });
  redirect("/sign-in?notice=signed-out-everywhere");
}

/** Ends one of this user's sessions (another device); someone else's session id is not found. */
export async function endSessionAction(form: FormData): Promise<void> {
  const user = await requireUser("/account");
  const sessionId = form.get("sessionId");
  if (typeof sessionId !== "string") notFound();
  const ended = await endSession({ db: await getDb(), userId: user.id, sessionId });
  if (!ended) notFound();
  if (sessionId === user.sessionId) redirect("/sign-in");
  revalidatePath("/account");
  redirect("/account?notice=session-ended");
}
