"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/app/_lib/auth";
import { requestClientAddress } from "@/app/_lib/request";
import { getDb } from "@/db";
import { formStrings, type ActionResult } from "@/lib/action-result";
import { joinClass, joinFailureMessage } from "@/lib/classes/classes";

export async function joinClassAction(
  _prev: ActionResult<"code">,
  form: FormData,
): Promise<ActionResult<"code">> {
  const student = await requireRole("student", "/join");
  const { code } = formStrings(form, ["code"] as const);
  const result = await joinClass({
    db: await getDb(),
    studentId: student.id,
    code,
    clientAddress: await requestClientAddress(),
  });
  if (!result.ok)
    return { status: "error", fieldErrors: { code: [joinFailureMessage(result)] }, values: { code } };
  revalidatePath("/join");
  return {
    status: "success",
    message: result.alreadyMember
      ? `You are already in ${result.className}.`
      : `You joined ${result.className}.`,
  };
}
