import { z } from "zod";
import { isValidTimeZone, zonedTimeToUtc } from "@/lib/dates";
import { ASSIGNMENT_LIMITS } from "./limits";

/** The assign form's fields (components/assign-form.tsx names its inputs after them). */
export type AssignmentField =
  | "classId"
  | "articleId"
  | "due"
  | "timeZone"
  | "attemptsAllowed"
  | "counting"
  | "reveal"
  | "timeLimit"
  | "shuffle";

const YEAR_MS = 366 * 24 * 3_600_000;

/**
 * Reads the assign form into what createAssignment takes. The due date
 * arrives as the wall-clock time the teacher picked plus their browser's time
 * zone, and is stored as an instant; `now` decides what "already passed" means.
 */
export function assignmentFormSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      classId: z.uuid({ message: "Choose a class." }),
      articleId: z.uuid({ message: "Choose an article." }),
      due: z
        .string({ message: "Give a due date and time." })
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, {
          message: "Give a due date and time.",
        }),
      timeZone: z
        .string({ message: "Your time zone was not recognised." })
        .refine(isValidTimeZone, { message: "Your time zone was not recognised." }),
      attemptsAllowed: z.coerce
        .number({ message: "Give a number of attempts." })
        .int({ message: "Give a whole number of attempts." })
        .min(1, { message: "Allow at least 1 attempt." })
        .max(ASSIGNMENT_LIMITS.maxAttempts, {
          message: `Allow at most ${ASSIGNMENT_LIMITS.maxAttempts} attempts.`,
        }),
      counting: z.enum(["best", "latest"], { message: "Choose which attempt counts." }),
      reveal: z.enum(["after_submit", "after_due", "after_last_attempt"], {
        message: "Choose when answers are shown.",
      }),
      timeLimit: z
        .string()
        .default("")
        .transform((s, ctx) => {
          const t = s.trim();
          if (t === "") return null;
          const n = Number(t);
          if (!Number.isInteger(n) || n < 1 || n > ASSIGNMENT_LIMITS.maxTimeLimitMinutes) {
            ctx.addIssue({
              code: "custom",
              message: `A time limit is a whole number of minutes from 1 to ${ASSIGNMENT_LIMITS.maxTimeLimitMinutes}, or empty for none.`,
            });
            return z.NEVER;
          }
          return n;
        }),
      // A checkbox: present ("on") when ticked, absent otherwise.
      shuffle: z.string().optional(),
    })
    .transform((d, ctx) => {
      const dueAt = zonedTimeToUtc(d.due, d.timeZone);
      const at = now().getTime();
      const problem = !dueAt
        ? "That date does not exist. Pick another."
        : dueAt.getTime() <= at
          ? "That time has already passed. Pick a later due date."
          : dueAt.getTime() > at + YEAR_MS
            ? "Pick a due date within the next year."
            : null;
      if (!dueAt || problem) {
        ctx.addIssue({ code: "custom", path: ["due"], message: problem ?? "" });
        return z.NEVER;
      }
      return {
        classId: d.classId,
        articleId: d.articleId,
        settings: {
          dueAt,
          attemptsAllowed: d.attemptsAllowed,
          counting: d.counting,
          reveal: d.reveal,
          timeLimitMinutes: d.timeLimit,
          shuffle: d.shuffle === "on",
        },
      };
    });
}

export type AssignmentSettings = z.output<ReturnType<typeof assignmentFormSchema>>["settings"];
