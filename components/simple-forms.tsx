"use client";

import { useActionState } from "react";
import { joinClassAction } from "@/app/join/actions";
import { createClassAction } from "@/app/teacher/actions";
import type { ActionResult } from "@/lib/action-result";
import { FormField, FormMessage } from "./form-field";

export function CreateClassForm() {
  const [state, action, pending] = useActionState<ActionResult<"name" | "section">, FormData>(
    createClassAction,
    { status: "idle" },
  );
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="min-w-64 flex-1">
        <FormField
          name="name"
          label="New class name"
          placeholder="e.g. Year 10 History"
          defaultValue={state.values?.name}
          errors={state.fieldErrors?.name}
        />
      </div>
      <div className="min-w-40">
        <FormField
          name="section"
          label="Section (optional)"
          placeholder="e.g. Period 3"
          defaultValue={state.values?.section}
          errors={state.fieldErrors?.section}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="mb-6 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Creating…" : "Create class"}
      </button>
      <div className="w-full">
        <FormMessage status={state.status} message={state.status === "error" ? state.message : undefined} />
      </div>
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
