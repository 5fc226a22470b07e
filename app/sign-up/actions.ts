"use server";

import { fail, formAction, invalid, stay } from "@/app/_lib/action";
import { requestClientAddress } from "@/app/_lib/request";
import { isHashQueueFull } from "@/lib/auth/password";
import { minutesUntil } from "@/lib/rate-limit";
import { signUp, signUpSchema } from "@/lib/users/accounts";

/** Anyone may sign up, so there is no session to check; the input is checked in full, and sign-ups are limited per address. */
export const signUpAction = formAction({
  name: "signUp",
  access: "anyone",
  schema: signUpSchema,
  secret: ["password"],
  run: async ({ input, db }) => {
    const result = await signUp({ db, clientAddress: await requestClientAddress(), ...input }).catch(
      (e: unknown) => (isHashQueueFull(e) ? ({ ok: false, reason: "busy" } as const) : Promise.reject(e)),
    );
    if (!result.ok && result.reason === "busy")
      return fail(
        "Many people are signing up right now. Your details are still here; please try again in a moment.",
        {
          reason: "busy",
        },
      );
    if (!result.ok && result.reason === "throttled")
      return fail(
        `Many accounts were just made from your network. Please try again in ${minutesUntil(result.retryAt)}.`,
        {
          reason: "throttled",
        },
      );
    if (!result.ok) return invalid(result.fieldErrors, result.reason);
    // The browser signs the new account in with the password it still holds (components/sign-up-form.tsx).
    return stay("Your account is ready.", { values: { email: result.user.email, role: result.user.role } });
  },
});
