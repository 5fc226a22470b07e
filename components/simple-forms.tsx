"use client";

import { useActionState } from "react";
import { joinClassAction } from "@/app/join/actions";
import { createClassAction } from "@/app/teacher/actions";
import type { ActionResult } from "@/lib/action-result";
import { FieldErrors, FormField, FormMessage } from "./form-field";

export function CreateClassForm() {
  const [state, action, pending] = useActionState<ActionResult<"name">, FormData>(createClassAction, {
    status: "idle",
  });
  const errors = state.fieldErrors?.name;
  // The button sits in the input's own row, so it lines up with the input whatever the label,
  // the hint or an error below take (it used to guess the error line's height with a margin).
  return (
    <form action={action} className="space-y-1" noValidate>
      <label htmlFor="field-name" className="block text-sm font-medium text-stone-800">
        New class name
      </label>
      <div className="flex flex-wrap items-stretch gap-3">
        <input
          id="field-name"
          name="name"
          placeholder="e.g. Year 10 History"
          defaultValue={state.values?.name}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? "field-name-error" : undefined}
          className="block min-w-0 flex-1 basis-64 rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm aria-invalid:border-red-600"
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Creating…" : "Create class"}
        </button>
      </div>
      <FieldErrors id="field-name-error" errors={errors} />
      <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
    </form>
  );
}

export function JoinClassForm() {
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
        defaultValue={state.status === "error" ? state.values?.code : ""}
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
