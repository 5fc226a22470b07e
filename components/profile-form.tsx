"use client";

import { useActionState } from "react";
import { updateProfileAction } from "@/app/account/actions";
import type { ActionResult } from "@/lib/action-result";
import type { ProfileField } from "@/lib/users/profile";
import { FormField, FormMessage } from "./form-field";

/** A person's own name and email; a new email needs the current password. Works without JavaScript. */
export function ProfileForm({ name, email }: { name: string; email: string }) {
  const [state, action, pending] = useActionState<ActionResult<ProfileField>, FormData>(updateProfileAction, {
    status: "idle",
  });
  const back = state.status === "error" ? state.values : undefined;
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <FormField
        name="name"
        label="Name"
        autoComplete="name"
        defaultValue={back?.name ?? name}
        errors={e.name}
      />
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={back?.email ?? email}
        errors={e.email}
      />
      <FormField
        name="currentPassword"
        id="profile-current-password"
        label="Password (needed to change your email)"
        type="password"
        autoComplete="current-password"
        errors={e.currentPassword}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save details"}
      </button>
    </form>
  );
}
