import { formatCount, formatWhen } from "@/lib/format";

type TimedAttempt = {
  status: "in_progress" | "submitted";
  startedAt: Date;
  submittedAt: Date | null;
  deadlineAt: Date | null;
  endedBy: "student" | "time_limit" | "closed" | null;
};

/** Whole minutes between two instants, rounded up: 30 s used is "1 minute", not "0 minutes". */
const minutesBetween = (from: Date, to: Date) =>
  Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 60_000));

/**
 * What a timed attempt's limit meant for it, as the teacher reads it: when it
 * ends (still open), that it ran out, or how much of it was used. "Time limit
 * ended 10:30" under an attempt submitted at 10:04 read as if time had run out.
 * Null for an untimed attempt.
 */
export function describeTimeLimit(attempt: TimedAttempt, timeZone: string): string | null {
  const { deadlineAt } = attempt;
  if (!deadlineAt) return null;
  const limit = formatCount(minutesBetween(attempt.startedAt, deadlineAt), "minute");
  if (attempt.status === "in_progress") return `${limit}, ends ${formatWhen(deadlineAt, timeZone)}`;
  if (attempt.endedBy === "time_limit")
    return `${limit}: time ran out at ${formatWhen(deadlineAt, timeZone)}; the answers saved by then were graded`;
  const end = attempt.submittedAt ?? deadlineAt;
  const used =
    end.getTime() >= deadlineAt.getTime()
      ? limit
      : formatCount(minutesBetween(attempt.startedAt, end), "minute");
  return `${limit}; ${used} used`;
}
