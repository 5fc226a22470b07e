"use client";

import { useActionState } from "react";
import { resetStudentPasswordAction } from "@/app/teacher/classes/actions";
import type { ActionResult } from "@/lib/action-result";
import { CopyButton } from "./copy-button";
import { FormMessage } from "./form-field";

type Field = "classId" | "studentId" | "seenResetAt" | "temporaryPassword";

/**
 * The button that resets a student's password, and, once, the temporary
 * password it made: it is in this response only (never in a URL or a
 * notice), so leaving or reloading the page hides it for good. Works without
 * JavaScript.
 */
export function ResetPasswordForm({
  classId,
  studentId,
  studentName,
  seenResetAt,
}: {
  classId: string;
  studentId: string;
  studentName: string;
  /** The student's last reset as this page saw it (ISO), "" for none. */
  seenResetAt: string;
}) {
  const [state, action, pending] = useActionState<ActionResult<Field>, FormData>(resetStudentPasswordAction, {
    status: "idle",
  });
  const resetPage = `/teacher/classes/${classId}/students/${studentId}/reset-password`;
  const temporary = state.status === "success" ? state.values?.temporaryPassword : undefined;
  if (temporary)
    return (
      <section
        aria-labelledby="temporary-heading"
        className="space-y-3 rounded-lg border border-green-200 bg-green-50 p-5"
      >
        <FormMessage status="success" message={state.message} />
        <h2 id="temporary-heading" className="text-lg font-semibold">
          {studentName}&apos;s temporary password
        </h2>
        <p className="flex flex-wrap items-center gap-3">
          <span className="select-all rounded border border-stone-300 bg-white px-3 py-1.5 font-mono text-xl tracking-wider">
            {temporary}
          </span>
          <CopyButton text={temporary} label="Copy the temporary password" />
        </p>
        <p className="text-sm text-stone-800">
          Give it to {studentName} yourself. It is shown only now: note it before you leave this page. At
          their next sign-in they choose a new password of their own before anything else.
        </p>
      </section>
    );
  if (state.status === "error" && state.reason === "already-reset")
    // The posted form is stale: a fresh page (a GET) knows the reset that happened.
    return (
      <div className="space-y-3">
        <FormMessage status="error" message={state.message} />
        <p>
          <a href={resetPage} className="font-medium text-brand-700 underline">
            Reset {studentName}&apos;s password again
          </a>{" "}
          (a new temporary password: the one given before stops working)
        </p>
      </div>
    );
  return (
    <form action={action} className="space-y-3">
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="studentId" value={studentId} />
      <input type="hidden" name="seenResetAt" value={seenResetAt} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? "Resetting…" : `Reset ${studentName}'s password`}
      </button>
    </form>
  );
}
