"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { formStrings, type ActionResult } from "@/lib/action-result";
import { joinClass } from "@/lib/classes/classes";

export async function joinClassAction(
  _prev: ActionResult<"code">,
  form: FormData,
): Promise<ActionResult<"code">> {
  const student = await requireRole("student", "/join");
  const { code } = formStrings(form, ["code"] as const);
  const result = await joinClass({ db: await getDb(), studentId: student.id, code });
  if (!result.ok) {
    const message =
      result.reason === "bad-code"
        ? "A join code has 6 letters and digits, like ACD-479. Check it with your teacher."
        : "No class has that code. It may have been changed: ask your teacher for the current one.";
    return { status: "error", fieldErrors: { code: [message] }, values: { code } };
  }
  revalidatePath("/join");
  return {
    status: "success",
    message: result.alreadyMember
      ? `You are already in ${result.className}.`
      : `You joined ${result.className}.`,
  };
}
