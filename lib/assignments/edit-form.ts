import { z } from "zod";
import { isValidTimeZone, zonedTimeToUtc } from "@/lib/dates";
import { ASSIGNMENT_LIMITS } from "./limits";

/**
 * The forms that change an assignment after it was assigned: its settings,
 * and one student's exceptions. Field names are the inputs' names
 * (components/assignment-settings-form.tsx, components/extension-form.tsx).
 * Browser-safe.
 */

export type SettingsField = "assignmentId" | "title" | "due" | "timeZone" | "attemptsAllowed" | "timeLimit";
export type ExtensionField =
  "assignmentId" | "studentId" | "due" | "timeZone" | "timeMultiplier" | "extraAttempts";

const YEAR_MS = 366 * 24 * 3_600_000;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** Extra time a student may get: the multipliers the form offers (1 is none). */
export const TIME_MULTIPLIERS = [1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
const MAX_TIME_MULTIPLIER = 4;

const timeZoneField = z
  .string({ message: "Your time zone was not recognised." })
  .refine(isValidTimeZone, { message: "Your time zone was not recognised." });

const attemptsField = z.coerce
  .number({ message: "Give a number of attempts." })
  .int({ message: "Give a whole number of attempts." })
  .min(1, { message: "Allow at least 1 attempt." })
  .max(ASSIGNMENT_LIMITS.maxAttempts, {
    message: `Allow at most ${ASSIGNMENT_LIMITS.maxAttempts} attempts.`,
  });

const timeLimitField = z
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
  });

/**
 * A due date as the teacher picked it on their own clock. After assigning, a
 * date in the past is allowed (an extension given after the fact makes late
 * work on time), within a year either way.
 */
function dueWithin(local: string, timeZone: string, now: Date): { dueAt: Date } | { problem: string } {
  const dueAt = LOCAL_TIME.test(local) ? zonedTimeToUtc(local, timeZone) : null;
  if (!dueAt) return { problem: "That date does not exist. Pick another." };
  if (Math.abs(dueAt.getTime() - now.getTime()) > YEAR_MS)
    return { problem: "Pick a date within a year of today." };
  return { dueAt };
}

export function assignmentSettingsSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      assignmentId: z.uuid(),
      title: z.string().trim().max(200, "Use at most 200 characters for the name.").default(""),
      due: z.string({ message: "Give a due date and time." }).min(1, "Give a due date and time."),
      timeZone: timeZoneField,
      attemptsAllowed: attemptsField,
      timeLimit: timeLimitField,
    })
    .transform((d, ctx) => {
      const due = isValidTimeZone(d.timeZone) ? dueWithin(d.due, d.timeZone, now()) : null;
      if (!due || "problem" in due) {
        ctx.addIssue({ code: "custom", path: ["due"], message: due?.problem ?? "Give a due date and time." });
        return z.NEVER;
      }
      return {
        assignmentId: d.assignmentId,
        changes: {
          title: d.title || null,
          dueAt: due.dueAt,
          timeLimitMinutes: d.timeLimit,
          attemptsAllowed: d.attemptsAllowed,
        },
      };
    });
}

export function extensionSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      assignmentId: z.uuid(),
      studentId: z.uuid(),
      due: z.string().default(""),
      timeZone: timeZoneField,
      timeMultiplier: z.coerce
        .number({ message: "Choose how much extra time." })
        .min(1, { message: "Extra time is at least ×1 (none)." })
        .max(MAX_TIME_MULTIPLIER, { message: `Extra time is at most ×${MAX_TIME_MULTIPLIER}.` })
        .default(1)
        // Two decimals: ×1.33 is a multiplier, ×1.3333333 is noise.
        .transform((n) => Math.round(n * 100) / 100),
      extraAttempts: z.coerce
        .number({ message: "Give a number of extra attempts." })
        .int({ message: "Give a whole number of extra attempts." })
        .min(0, { message: "Extra attempts cannot be negative." })
        .max(ASSIGNMENT_LIMITS.maxAttempts, {
          message: `Give at most ${ASSIGNMENT_LIMITS.maxAttempts} extra attempts.`,
        })
        .default(0),
    })
    .transform((d, ctx) => {
      let dueAt: Date | null = null;
      if (d.due.trim() !== "") {
        const due = dueWithin(d.due.trim(), d.timeZone, now());
        if ("problem" in due) {
          ctx.addIssue({ code: "custom", path: ["due"], message: due.problem });
          return z.NEVER;
        }
        dueAt = due.dueAt;
      }
      return {
        assignmentId: d.assignmentId,
        studentId: d.studentId,
        extension: {
          dueAt,
          timeMultiplier: d.timeMultiplier === 1 ? null : d.timeMultiplier,
          extraAttempts: d.extraAttempts,
        },
      };
    });
}
