"use client";

import { useActionState, useSyncExternalStore } from "react";
import { setExtensionAction } from "@/app/teacher/assignments/actions";
import type { ActionResult } from "@/lib/action-result";
import { TIME_MULTIPLIERS, type ExtensionField } from "@/lib/assignments/edit-form";
import { ASSIGNMENT_LIMITS } from "@/lib/assignments/limits";
import { FieldErrors, FormField, FormMessage } from "./form-field";

const noSubscription = () => () => {};

type Props = {
  assignmentId: string;
  studentId: string;
  studentName: string;
  /** Their own due date on the teacher's clock, "" for the class's. */
  due: string;
  timeZone: string;
  timeMultiplier: number | null;
  extraAttempts: number;
  /** The class's settings, to say what "none" means. */
  classTimeLimitMinutes: number | null;
  classAttempts: number;
};

const selectClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm aria-invalid:border-red-600";

/** One student's own due date, extra time and extra attempts. Works without JavaScript. */
export function ExtensionForm(props: Props) {
  const [state, action, pending] = useActionState<ActionResult<ExtensionField>, FormData>(
    setExtensionAction,
    { status: "idle" },
  );
  const zone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || props.timeZone,
    () => props.timeZone,
  );
  const v = state.status === "error" ? (state.values ?? {}) : {};
  const e = state.fieldErrors ?? {};
  const multiplier = v.timeMultiplier ?? String(props.timeMultiplier ?? 1);
  const limit = props.classTimeLimitMinutes;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      <input type="hidden" name="assignmentId" value={props.assignmentId} />
      <input type="hidden" name="studentId" value={props.studentId} />
      <input type="hidden" name="timeZone" value={zone} />
      <FormField
        name="due"
        type="datetime-local"
        label={`${props.studentName}'s own due date (optional)`}
        hint={`Empty keeps the class's due date. Your time zone: ${zone}. Their late marks follow it, also for work already submitted.`}
        defaultValue={v.due ?? props.due}
        errors={[...(e.due ?? []), ...(e.timeZone ?? [])]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="field-timeMultiplier" className="block text-sm font-medium text-stone-800">
            Extra time
          </label>
          <p id="field-timeMultiplier-hint" className="text-xs text-stone-600">
            {limit
              ? `Multiplies the ${limit}-minute limit; an attempt in progress gets the longer time at once.`
              : "This assignment has no time limit now; the extra time applies if you set one."}
          </p>
          <select
            id="field-timeMultiplier"
            name="timeMultiplier"
            defaultValue={multiplier}
            aria-invalid={e.timeMultiplier?.length ? true : undefined}
            aria-describedby="field-timeMultiplier-hint field-timeMultiplier-error"
            className={selectClass}
          >
            {TIME_MULTIPLIERS.map((m) => (
              <option key={m} value={String(m)}>
                {m === 1 ? "None" : `×${m}${limit ? ` (${Math.round(limit * m * 10) / 10} minutes)` : ""}`}
              </option>
            ))}
            {!TIME_MULTIPLIERS.some((m) => String(m) === multiplier) && (
              <option value={multiplier}>×{multiplier}</option>
            )}
          </select>
          <FieldErrors id="field-timeMultiplier-error" errors={e.timeMultiplier} />
        </div>
        <FormField
          name="extraAttempts"
          type="number"
          inputMode="numeric"
          min={0}
          max={ASSIGNMENT_LIMITS.maxAttempts}
          label="Extra attempts"
          hint={`On top of the class's ${props.classAttempts}.`}
          defaultValue={v.extraAttempts ?? String(props.extraAttempts)}
          errors={e.extraAttempts}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : `Save ${props.studentName}'s settings`}
      </button>
    </form>
  );
}
