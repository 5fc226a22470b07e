"use server";

import { z } from "zod";
import { formAction, invalid, stay } from "@/app/_lib/action";
import { requestClientAddress } from "@/app/_lib/request";
import { joinClass, joinFailureMessage } from "@/lib/classes/queries";

const BAD_CODE = "A join code has 6 letters and digits, like ACD-479. Check it with your teacher.";

export const joinClassAction = formAction({
  name: "joinClass",
  access: "student",
  page: "/join",
  schema: z.object({ code: z.string({ error: BAD_CODE }).max(40, BAD_CODE) }),
  run: async ({ user, input, db }) => {
    const result = await joinClass({
      db,
      studentId: user.id,
      code: input.code,
      clientAddress: await requestClientAddress(),
    });
    if (!result.ok) return invalid({ code: [joinFailureMessage(result)] }, result.reason);
    return stay(
      result.alreadyMember ? `You are already in ${result.className}.` : `You joined ${result.className}.`,
      { revalidate: ["/join"] },
    );
  },
});
