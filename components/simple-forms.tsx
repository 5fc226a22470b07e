"use client";

import { useActionState } from "react";
import { joinClassAction } from "@/app/join/actions";
import { createClassAction } from "@/app/teacher/actions";
import type { ActionResult } from "@/lib/action-result";
import { FieldErrors, FormField, FormMessage } from "./form-field";

export function CreateClassForm() {
  const [state, action, pending] = useActionState<ActionResult<"name" | "section">, FormData>(
    createClassAction,
    { status: "idle" },
  );
  const errors = state.fieldErrors ?? {};
  const input =
    "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm aria-invalid:border-red-600";
  const label = "block text-sm font-medium text-stone-800";
  // Labels above and errors below the row, so the button lines up with the inputs whatever they
  // say (it used to guess the error line's height with a margin); its transparent border makes it
  // exactly as tall as the inputs.
  return (
    <form action={action} className="space-y-1" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-64 space-y-1">
          <label htmlFor="field-name" className={label}>
            New class name
          </label>
          <input
            id="field-name"
            name="name"
            placeholder="e.g. Year 10 History"
            defaultValue={state.values?.name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "field-name-error" : undefined}
            className={input}
          />
        </div>
        <div className="min-w-0 basis-40 space-y-1">
          <label htmlFor="field-section" className={label}>
            Section (optional)
          </label>
          <input
            id="field-section"
            name="section"
            placeholder="e.g. Period 3"
            defaultValue={state.values?.section}
            aria-invalid={errors.section ? true : undefined}
            aria-describedby={errors.section ? "field-section-error" : undefined}
            className={input}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-transparent bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Creating…" : "Create class"}
        </button>
      </div>
      <FieldErrors id="field-name-error" errors={errors.name} />
      <FieldErrors id="field-section-error" errors={errors.section} />
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
    </form>
  );
}

/** `code` fills the field in (from an invite link); the student still presses the button to join. */
export function JoinClassForm({ code = "" }: { code?: string }) {
  const [state, action, pending] = useActionState<ActionResult<"code">, FormData>(joinClassAction, {
    status: "idle",
  });
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <FormField
        name="code"
        label="Join code"
        hint="Your teacher gives it to you, like ACD-479."
        autoComplete="off"
        autoCapitalize="characters"
        defaultValue={state.status === "error" ? state.values?.code : state.status === "idle" ? code : ""}
        errors={state.fieldErrors?.code}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Joining…" : "Join class"}
      </button>
    </form>
  );
}
