"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { buttonAction, fail, formAction, goTo, invalid, orBusy, serverBusy, stay } from "@/app/_lib/action";
import { NEW_PASSWORD_PAGE } from "@/app/_lib/auth";
import { requestClientAddress } from "@/app/_lib/request";
import { withNotice } from "@/lib/notices";
import { minutesUntil } from "@/lib/rate-limit";
import { changePassword, changePasswordSchema, signOutEverywhere } from "@/lib/users/accounts";
import { newPasswordSchema, setPasswordAfterReset } from "@/lib/users/password-reset";
import { profileSchema, updateProfile } from "@/lib/users/profile";
import { endSession } from "@/lib/users/sessions";

const PASSWORDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

export const changePasswordAction = formAction({
  name: "changePassword",
  access: "signed-in",
  page: "/account",
  schema: changePasswordSchema,
  secret: PASSWORDS,
  run: async ({ user, input, db }) => {
    const result = await orBusy(
      changePassword({ db, userId: user.id, clientAddress: await requestClientAddress(), ...input }),
    );
    if (!result.ok && result.reason === "busy") return serverBusy();
    if (!result.ok && result.reason === "throttled") return throttled(result.retryAt);
    if (!result.ok) return invalid(result.fieldErrors, result.reason);
    // Every session has ended, this one too: sign in again with the new password.
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

/** Ends one of this user's sessions (another browser); someone else's session id is not found. */
export const endSessionAction = buttonAction({
  name: "endSession",
  access: "signed-in",
  page: () => "/account",
  schema: z.object({ sessionId: z.uuid() }),
  run: async ({ user, input, db }) => {
    if (!(await endSession({ db, userId: user.id, sessionId: input.sessionId }))) notFound();
    if (input.sessionId === user.sessionId) return goTo("/sign-in");
    return goTo(withNotice("/account", "session-ended"), { revalidate: ["/account"] });
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
    const result = await orBusy(
      updateProfile({ db, userId: user.id, ...input, clientAddress: await requestClientAddress() }),
    );
    if (!result.ok && result.reason === "busy") return serverBusy();
    if (!result.ok && result.reason === "throttled") return throttled(result.retryAt);
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
    const result = await orBusy(
      setPasswordAfterReset({ db, userId: user.id, newPassword: input.newPassword }),
    );
    if (!result.ok && result.reason === "busy") return serverBusy();
    if (!result.ok && result.reason === "not-pending") return goTo("/account");
    if (!result.ok) return invalid(result.fieldErrors, result.reason);
    // Every session has ended, this one too: sign in with the new password.
    return goTo(withNotice("/sign-in", "password-chosen"));
  },
});

const throttled = (retryAt: Date) =>
  fail(`Too many wrong passwords. For your safety, try again in ${minutesUntil(retryAt)}.`, {
    reason: "throttled",
  });
