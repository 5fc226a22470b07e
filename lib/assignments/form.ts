import { z } from "zod";
import { isValidTimeZone, zonedTimeToUtc } from "@/lib/dates";
import { ASSIGNMENT_LIMITS, type AssignmentSettings } from "./assignments";

export const ASSIGNMENT_FIELDS = [
  "classId",
  "articleId",
  "due",
  "timeZone",
  "attemptsAllowed",
  "counting",
  "reveal",
  "timeLimit",
  "shuffle",
] as const;
export type AssignmentField = (typeof ASSIGNMENT_FIELDS)[number];

const formSchema = z.object({
  classId: z.uuid({ message: "Choose a class." }),
  articleId: z.uuid({ message: "Choose an article." }),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { message: "Give a due date and time." }),
  timeZone: z.string().refine(isValidTimeZone, { message: "Your time zone was not recognised." }),
  attemptsAllowed: z.coerce
    .number({ message: "Give a number of attempts." })
    .int({ message: "Give a whole number of attempts." })
    .min(1, { message: "Allow at least 1 attempt." })
    .max(ASSIGNMENT_LIMITS.maxAttempts, {
      message: `Allow at most ${ASSIGNMENT_LIMITS.maxAttempts} attempts.`,
    }),
  counting: z.enum(["best", "latest"], { message: "Choose which attempt counts." }),
  reveal: z.enum(["after_submit", "after_due"], { message: "Choose when answers are shown." }),
  timeLimit: z
    .string()
    .trim()
    .transform((s, ctx) => {
      if (s === "") return null;
      const n = Number(s);
      if (!Number.isInteger(n) || n < 1 || n > ASSIGNMENT_LIMITS.maxTimeLimitMinutes) {
        ctx.addIssue({
          code: "custom",
          message: `A time limit is a whole number of minutes from 1 to ${ASSIGNMENT_LIMITS.maxTimeLimitMinutes}, or empty for none.`,
        });
        return z.NEVER;
      }
      return n;
    }),
  shuffle: z.string(),
});

export type ParsedAssignmentForm =
  | { ok: true; classId: string; articleId: string; settings: AssignmentSettings }
  | { ok: false; fieldErrors: Partial<Record<AssignmentField, string[]>> };

/**
 * Reads the assign form. The due date arrives as the wall-clock time the
 * teacher picked plus their browser's time zone, and is stored as an instant.
 */
export function parseAssignmentForm(
  values: Record<AssignmentField, string>,
  now: Date = new Date(),
): ParsedAssignmentForm {
  const parsed = formSchema.safeParse(values);
  const fieldErrors: Partial<Record<AssignmentField, string[]>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]) as AssignmentField;
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, fieldErrors };
  }
  const d = parsed.data;
  const dueAt = zonedTimeToUtc(d.due, d.timeZone);
  if (!dueAt) return { ok: false, fieldErrors: { due: ["That date does not exist. Pick another."] } };
  if (dueAt.getTime() <= now.getTime()) {
    return { ok: false, fieldErrors: { due: ["That time has already passed. Pick a later due date."] } };
  }
  if (dueAt.getTime() > now.getTime() + 366 * 24 * 3_600_000) {
    return { ok: false, fieldErrors: { due: ["Pick a due date within the next year."] } };
  }
  return {
    ok: true,
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
}
