"use server";

import { formAction, invalid, stay } from "@/app/_lib/action";
import { createUser, signUpSchema } from "@/lib/users/accounts";

/** Anyone may sign up, so there is no session to check; the input is checked in full. */
export const signUpAction = formAction({
  name: "signUp",
  access: "anyone",
  schema: signUpSchema,
  secret: ["password"],
  run: async ({ input, db }) => {
    const result = await createUser({ db, ...input });
    if (!result.ok) return invalid(result.fieldErrors, result.reason);
    // The browser signs the new account in with the password it still holds (components/sign-up-form.tsx).
    return stay("Your account is ready.", { values: { email: result.user.email, role: result.user.role } });
  },
});
