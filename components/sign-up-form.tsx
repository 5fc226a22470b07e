"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { signUpAction } from "@/app/sign-up/actions";
import type { ActionResult } from "@/lib/action-result";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-rules";
import { FieldErrors, FormField, FormMessage } from "./form-field";

type Field = "name" | "email" | "password" | "role";

export function SignUpForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionResult<Field>, FormData>(signUpAction, {
    status: "idle",
  });
  // Kept from the submit event: the form is gone by the time the account exists.
  const password = useRef("");

  // With JavaScript, a new account is signed straight in; without it the page offers the sign-in link.
  useEffect(() => {
    if (state.status !== "success" || !state.values?.email) return;
    void signIn("credentials", {
      email: state.values.email,
      password: password.current,
      redirect: false,
    }).then((result) => {
      if (result?.ok) {
        // A new teacher's first stop is the desk (its first steps); a student's, the articles.
        router.replace(state.values?.role === "teacher" ? "/teacher" : "/");
        router.refresh();
      } else {
        router.replace(
          `/sign-in?notice=account-created&email=${encodeURIComponent(state.values?.email ?? "")}`,
        );
      }
    });
  }, [state, router]);

  if (state.status === "success") {
    return (
      <div role="status" className="space-y-3">
        <p className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Your account is ready. Signing you in…
        </p>
        <Link href="/sign-in" className="text-sm font-medium text-brand-700 underline">
          Continue to sign in
        </Link>
      </div>
    );
  }

  const errors = state.fieldErrors ?? {};
  return (
    <form
      action={action}
      onSubmit={(event) => {
        password.current = String(new FormData(event.currentTarget).get("password") ?? "");
      }}
      className="space-y-4"
      noValidate
    >
      <FormMessage status={state.status} message={state.message} />
      <FormField
        name="name"
        label="Name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        errors={errors.name}
      />
      <FormField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={errors.email}
      />
      {state.reason === "email-taken" && (
        <p className="-mt-2 text-sm">
          <Link
            href={`/sign-in?email=${encodeURIComponent(state.values?.email ?? "")}`}
            className="font-medium text-brand-700 underline"
          >
            Sign in instead
          </Link>
        </p>
      )}
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`}
        required
        errors={errors.password}
      />
      <fieldset className="space-y-2" aria-describedby={errors.role ? "role-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">I am a</legend>
        <div className="flex gap-4">
          {(["student", "teacher"] as const).map((role) => (
            <label key={role} className="flex items-center gap-2 text-stone-800">
              <input
                type="radio"
                name="role"
                value={role}
                defaultChecked={(state.values?.role ?? "student") === role}
              />
              {role === "student" ? "Student" : "Teacher"}
            </label>
          ))}
        </div>
        <FieldErrors id="role-error" errors={errors.role} />
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
