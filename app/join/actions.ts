"use server";

import { z } from "zod";
import { formAction, invalid, stay } from "@/app/_lib/action";
import { joinClass } from "@/lib/classes/queries";

const JOIN_REFUSALS = {
  "bad-code": "A join code has 6 letters and digits, like ACD-479. Check it with your teacher.",
  "no-class": "No class has that code. It may have been changed: ask your teacher for the current one.",
  archived: "That class is archived and takes no new students. Ask your teacher.",
} as const;

export const joinClassAction = formAction({
  name: "joinClass",
  access: "student",
  page: "/join",
  schema: z.object({
    code: z.string({ error: JOIN_REFUSALS["bad-code"] }).max(40, JOIN_REFUSALS["bad-code"]),
  }),
  run: async ({ user, input, db }) => {
    const result = await joinClass({ db, studentId: user.id, code: input.code });
    if (!result.ok) return invalid({ code: [JOIN_REFUSALS[result.reason]] }, result.reason);
    return stay(
      result.alreadyMember ? `You are already in ${result.className}.` : `You joined ${result.className}.`,
      { revalidate: ["/join"] },
    );
  },
});
