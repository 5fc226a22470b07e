"use server";

import { z } from "zod";
import { buttonAction, formAction, goTo, invalid } from "@/app/_lib/action";
import { withNotice } from "@/lib/notices";
import { changePassword, changePasswordSchema, signOutEverywhere } from "@/lib/users/accounts";

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
