"use client";

import { useActionState, useSyncExternalStore } from "react";
import { createAssignmentAction } from "@/app/teacher/actions";
import type { ActionResult } from "@/lib/action-result";
import type { AssignmentField } from "@/lib/assignments/form";
import { ASSIGNMENT_LIMITS } from "@/lib/assignments/limits";
import { FieldErrors, FormField, FormMessage } from "./form-field";

type Props = {
  classId: string;
  articles: { id: string; title: string }[];
  defaultDue: string;
  timeZone: string;
};

const selectClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm aria-invalid:border-red-600";

const noSubscription = () => () => {};

/** Assigns an article's reviewed quiz to a class with its settings. Works without JavaScript. */
export function AssignForm({ classId, articles, defaultDue, timeZone }: Props) {
  const [state, action, pending] = useActionState<ActionResult<AssignmentField>, FormData>(
    createAssignmentAction,
    { status: "idle" },
  );
  // The server guessed the zone from a cookie; the browser knows it for sure.
  const zone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || timeZone,
    () => timeZone,
  );
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const invalid = (f: AssignmentField) => (e[f]?.length ? true : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="timeZone" value={zone} />
      <div className="space-y-1">
        <label htmlFor="field-articleId" className="block text-sm font-medium text-stone-800">
          Article
        </label>
        <select
          id="field-articleId"
          name="articleId"
          defaultValue={v.articleId ?? articles[0]?.id}
          aria-invalid={invalid("articleId")}
          aria-describedby="field-articleId-error"
          className={selectClass}
        >
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
        <FieldErrors id="field-articleId-error" errors={e.articleId} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          name="due"
          type="datetime-local"
          label="Due"
          hint={`Your time zone: ${zone}`}
          defaultValue={v.due ?? defaultDue}
          errors={[...(e.due ?? []), ...(e.timeZone ?? [])]}
          required
        />
        <FormField
          name="attemptsAllowed"
          type="number"
          inputMode="numeric"
          min={1}
          max={ASSIGNMENT_LIMITS.maxAttempts}
          label="Attempts allowed"
          hint={`From 1 to ${ASSIGNMENT_LIMITS.maxAttempts}.`}
          defaultValue={v.attemptsAllowed ?? "1"}
          errors={e.attemptsAllowed}
        />
        <FormField
          name="timeLimit"
          type="number"
          inputMode="numeric"
          min={1}
          max={ASSIGNMENT_LIMITS.maxTimeLimitMinutes}
          label="Time limit in minutes (optional)"
          hint="Empty for none. Timed by the server: at the limit the attempt is graded with what was saved."
          defaultValue={v.timeLimit ?? ""}
          errors={e.timeLimit}
        />
        <div className="space-y-1">
          <label htmlFor="field-counting" className="block text-sm font-medium text-stone-800">
            Which attempt counts
          </label>
          <select
            id="field-counting"
            name="counting"
            defaultValue={v.counting ?? "best"}
            aria-invalid={invalid("counting")}
            aria-describedby="field-counting-error"
            className={selectClass}
          >
            <option value="best">The best attempt</option>
            <option value="latest">The latest attempt</option>
          </select>
          <FieldErrors id="field-counting-error" errors={e.counting} />
        </div>
        <div className="space-y-1">
          <label htmlFor="field-reveal" className="block text-sm font-medium text-stone-800">
            Show students the answers
          </label>
          <select
            id="field-reveal"
            name="reveal"
            defaultValue={v.reveal ?? "after_submit"}
            aria-invalid={invalid("reveal")}
            aria-describedby="field-reveal-error"
            className={selectClass}
          >
            <option value="after_submit">As soon as they submit</option>
            <option value="after_due">After the due date</option>
            <option value="after_last_attempt">After their last attempt (the score after each)</option>
          </select>
          <FieldErrors id="field-reveal-error" errors={e.reveal} />
        </div>
        <div className="flex items-center gap-2 self-center">
          <input
            id="field-shuffle"
            name="shuffle"
            type="checkbox"
            defaultChecked={state.status === "error" ? v.shuffle === "on" : true}
            className="h-4 w-4"
          />
          <label htmlFor="field-shuffle" className="text-sm font-medium text-stone-800">
            Shuffle questions and options for each student
          </label>
        </div>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Assigning…" : "Assign"}
      </button>
    </form>
  );
}
