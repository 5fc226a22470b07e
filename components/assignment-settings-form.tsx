"use client";

import { useActionState, useSyncExternalStore } from "react";
import { updateAssignmentSettingsAction } from "@/app/teacher/assignments/actions";
import type { ActionResult } from "@/lib/action-result";
import type { SettingsField } from "@/lib/assignments/edit-form";
import { ASSIGNMENT_LIMITS } from "@/lib/assignments/limits";
import { FormField, FormMessage } from "./form-field";

const noSubscription = () => () => {};

type Props = {
  assignmentId: string;
  /** The teacher's own name for it ("" when it shows the article's title). */
  title: string;
  articleTitle: string;
  /** The due date on the teacher's clock, as a datetime-local input shows it. */
  due: string;
  timeZone: string;
  attemptsAllowed: number;
  timeLimitMinutes: number | null;
};

/** An assignment's name, due date, attempts and time limit, after assigning. Works without JavaScript. */
export function AssignmentSettingsForm(props: Props) {
  const [state, action, pending] = useActionState<ActionResult<SettingsField>, FormData>(
    updateAssignmentSettingsAction,
    { status: "idle" },
  );
  const zone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || props.timeZone,
    () => props.timeZone,
  );
  const v = state.status === "error" ? (state.values ?? {}) : {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="assignmentId" value={props.assignmentId} />
      <input type="hidden" name="timeZone" value={zone} />
      <FormField
        name="title"
        label="Name (optional)"
        hint={`Empty shows the article's title, “${props.articleTitle}”.`}
        defaultValue={v.title ?? props.title}
        errors={e.title}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField
          name="due"
          type="datetime-local"
          label="Due"
          hint={`Your time zone: ${zone}. Late marks follow a new date.`}
          defaultValue={v.due ?? props.due}
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
          hint="Attempts already made stay."
          defaultValue={v.attemptsAllowed ?? String(props.attemptsAllowed)}
          errors={e.attemptsAllowed}
        />
        <FormField
          name="timeLimit"
          type="number"
          inputMode="numeric"
          min={1}
          max={ASSIGNMENT_LIMITS.maxTimeLimitMinutes}
          label="Time limit in minutes (optional)"
          hint="A longer limit reaches attempts in progress at once; a shorter one only new attempts."
          defaultValue={v.timeLimit ?? (props.timeLimitMinutes ? String(props.timeLimitMinutes) : "")}
          errors={e.timeLimit}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
