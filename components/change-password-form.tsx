"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/account/actions";
import type { ActionResult } from "@/lib/action-result";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-rules";
import { FormField, FormMessage } from "./form-field";

type Field = "currentPassword" | "newPassword" | "confirmPassword";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ActionResult<Field>, FormData>(changePasswordAction, {
    status: "idle",
  });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <FormField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={errors.currentPassword}
      />
      <FormField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`}
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
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
