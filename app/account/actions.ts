"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { buttonAction, fail, formAction, goTo, invalid, stay } from "@/app/_lib/action";
import { clientAddressFrom } from "@/app/_lib/auth";
import { withNotice } from "@/lib/notices";
import { changePassword, changePasswordSchema, signOutEverywhere } from "@/lib/users/accounts";
import { NEW_PASSWORD_PAGE } from "@/app/_lib/auth";
import { newPasswordSchema, setPasswordAfterReset } from "@/lib/users/password-reset";
import { profileSchema, updateProfile } from "@/lib/users/profile";

const PASSWORDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

export const changePasswordAction = formAction({
  name: "changePassword",
  access: "signed-in",
  page: "/account",
  schema: changePasswordSchema,
  secret: PASSWORDS,
  run: async ({ user, input, db }) => {
    const result = await changePassword({ db, userId: user.id, ...input });
    if (!result.ok) return invalid(result.fieldErrors, result.reason);
    // The new session version ends every session, this one too: sign in again with the new password.
    return goTo(withNotice("/sign-in", "password-changed"));
  },
});

export const signOutEverywhereAction = buttonAction({
  name: "signOutEverywhere",
  access: "signed-in",
  page: () => "/account",
  schema: z.object({}),
  run: async ({ user, db }) => {
    await signOutEverywhere({ db, userId: user.id });
    return goTo(withNotice("/sign-in", "signed-out-everywhere"));
  },
});

// ---------------------------------------------------------------------------
// Issue #12: a person's own name and email, and the new password after a teacher's reset.

export const updateProfileAction = formAction({
  name: "updateProfile",
  access: "signed-in",
  page: "/account",
  schema: profileSchema,
  secret: ["currentPassword"],
  run: async ({ user, input, db }) => {
    const result = await updateProfile({
      db,
      userId: user.id,
      ...input,
      clientAddress: clientAddressFrom(await headers()),
    });
    if (!result.ok && result.reason === "throttled")
      return fail(
        `Too many wrong passwords. For your safety, try again in ${minutesUntil(result.retryAt)}.`,
        {
          reason: "throttled",
        },
      );
    if (!result.ok) return invalid(result.fieldErrors, result.reason);
    return stay(
      result.emailChanged
        ? "Your details are saved. Sign in with your new email from now on."
        : "Your details are saved.",
      {
        revalidate: ["/account"],
      },
    );
  },
});

export const setNewPasswordAction = formAction({
  name: "setNewPassword",
  access: "signed-in",
  page: NEW_PASSWORD_PAGE,
  duringPasswordReset: true,
  schema: newPasswordSchema,
  secret: ["newPassword", "confirmPassword"],
  run: async ({ user, input, db }) => {
    const result = await setPasswordAfterReset({ db, userId: user.id, newPassword: input.newPassword });
    if (!result.ok && result.reason === "not-pending") return goTo("/account");
    if (!result.ok) return invalid(result.fieldErrors, result.reason);
    // Every session has ended, this one too: sign in with the new password.
    return goTo(withNotice("/sign-in", "password-chosen"));
  },
});

/** "3 minutes", for a throttled person. */
function minutesUntil(retryAt: Date, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now) / 60_000));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
