"use client";

import { useActionState } from "react";
import { renameClassAction } from "@/app/teacher/classes/actions";
import type { ActionResult } from "@/lib/action-result";
import { FormField, FormMessage } from "./form-field";

type Field = "name" | "section";

/** A class's name and section. Works without JavaScript. */
export function ClassSettingsForm({
  classId,
  name,
  section,
}: {
  classId: string;
  name: string;
  section: string | null;
}) {
  const [state, action, pending] = useActionState<ActionResult<Field>, FormData>(renameClassAction, {
    status: "idle",
  });
  const back = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="classId" value={classId} />
      <FormField
        name="name"
        label="Class name"
        defaultValue={back?.name ?? name}
        errors={state.fieldErrors?.name}
        required
      />
      <FormField
        name="section"
        label="Section (optional)"
        hint="Tells classes of the same name apart, like “Period 3”. Students see it too."
        defaultValue={back?.section ?? section ?? ""}
        errors={state.fieldErrors?.section}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save name"}
      </button>
    </form>
  );
}
