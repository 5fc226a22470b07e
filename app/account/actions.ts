"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { buttonAction, fail, formAction, goTo, invalid } from "@/app/_lib/action";
import { requestClientAddress } from "@/app/_lib/request";
import { isHashQueueFull } from "@/lib/auth/password";
import { withNotice } from "@/lib/notices";
import { minutesUntil } from "@/lib/rate-limit";
import { changePassword, changePasswordSchema, signOutEverywhere } from "@/lib/users/accounts";
import { endSession } from "@/lib/users/sessions";

const PASSWORDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

export const changePasswordAction = formAction({
  name: "changePassword",
  access: "signed-in",
  page: "/account",
  schema: changePasswordSchema,
  secret: PASSWORDS,
  run: async ({ user, input, db }) => {
    const result = await changePassword({
      db,
      userId: user.id,
      clientAddress: await requestClientAddress(),
      ...input,
    }).catch((e: unknown) =>
      isHashQueueFull(e) ? ({ ok: false, reason: "busy" } as const) : Promise.reject(e),
    );
    if (!result.ok && result.reason === "busy")
      return fail("The server is busy right now. Please try again in a moment.", { reason: "busy" });
    if (!result.ok && result.reason === "throttled")
      return fail(
        `Too many wrong passwords. For your safety, try again in ${minutesUntil(result.retryAt)}.`,
        {
          reason: "throttled",
        },
      );
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
