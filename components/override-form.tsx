"use client";

import { useActionState } from "react";
import { overrideScoreAction } from "@/app/teacher/attempts/actions";
import type { ActionResult } from "@/lib/action-result";
import { CORRECTION_LIMITS, type OverrideField } from "@/lib/gradebook/correction-form";
import { FieldErrors, FormMessage } from "./form-field";

const input =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm aria-invalid:border-red-600";

/**
 * Sets one student's score by hand, for one question (0 to 1) or the whole
 * attempt (0 to its maximum), with a comment the student reads; an empty
 * score hands it back to grading. Behind a disclosure, open after an error.
 */
export function OverrideForm({
  attemptId,
  number,
  max,
  current,
}: {
  attemptId: string;
  /** The question's number in the quiz as written; null for the whole attempt. */
  number: number | null;
  max: number;
  /** The teacher's score and comment in force, to edit. */
  current: { score: number | null; comment: string } | null;
}) {
  const [state, action, pending] = useActionState<ActionResult<OverrideField>, FormData>(
    overrideScoreAction,
    { status: "idle" },
  );
  const errors = state.fieldErrors ?? {};
  const back = state.status === "error" ? state.values : undefined;
  const id = number === null ? "attempt" : `q${number}`;
  const what = number === null ? "the attempt's score" : `question ${number}'s score`;
  return (
    <details open={state.status === "error" || undefined} className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-brand-700">
        {current ? `Change ${what} set by hand` : `Set ${what} by hand`}
      </summary>
      <form action={action} className="mt-2 space-y-3" noValidate>
        <FormMessage status={state.status} message={state.message} />
        <input type="hidden" name="attemptId" value={attemptId} />
        <input type="hidden" name="question" value={number ?? ""} />
        <div className="max-w-40 space-y-1">
          <label htmlFor={`override-${id}-score`} className="block font-medium text-stone-800">
            Score (0 to {max})
          </label>
          <input
            id={`override-${id}-score`}
            name="score"
            inputMode="decimal"
            defaultValue={back?.score ?? (current?.score ?? "").toString()}
            aria-invalid={errors.score ? true : undefined}
            aria-describedby={`override-${id}-hint override-${id}-score-error`}
            className={input}
          />
        </div>
        <p id={`override-${id}-hint`} className="text-xs text-stone-600">
          Leave it empty to use the graded score again.
        </p>
        <FieldErrors id={`override-${id}-score-error`} errors={errors.score} />
        <div className="space-y-1">
          <label htmlFor={`override-${id}-comment`} className="block font-medium text-stone-800">
            Comment for the student (optional)
          </label>
          <textarea
            id={`override-${id}-comment`}
            name="comment"
            rows={2}
            maxLength={CORRECTION_LIMITS.comment + 100}
            defaultValue={back?.comment ?? current?.comment ?? ""}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={`override-${id}-comment-error`}
            className={input}
          />
          <FieldErrors
            id={`override-${id}-comment-error`}
            errors={[...(errors.comment ?? []), ...(errors.form ?? [])]}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save score"}
        </button>
      </form>
    </details>
  );
}
