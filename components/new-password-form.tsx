"use client";

import { useActionState } from "react";
import { setNewPasswordAction } from "@/app/account/actions";
import type { ActionResult } from "@/lib/action-result";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-rules";
import { FormField, FormMessage } from "./form-field";

type Field = "newPassword" | "confirmPassword";

/** The new password a student chooses after their teacher reset it. Works without JavaScript. */
export function NewPasswordForm() {
  const [state, action, pending] = useActionState<ActionResult<Field>, FormData>(setNewPasswordAction, {
    status: "idle",
  });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <FormField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters, not the temporary one.`}
        errors={errors.newPassword}
      />
      <FormField
        name="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
        errors={errors.confirmPassword}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Set my new password"}
      </button>
    </form>
  );
}
