import { formatDateTime, formatNumber } from "@/lib/format";
import type { Extension } from "./extensions";

/**
 * "due Fri, 5 Dec 2026, 17:00 CET · ×1.5 time (45 minutes) · 1 more attempt":
 * a student's exceptions as their teacher reads them. Browser-safe.
 */
export function describeExtension(
  e: Extension,
  assignment: { timeLimitMinutes: number | null },
  timeZone: string,
): string {
  const parts: string[] = [];
  if (e.dueAt) parts.push(`due ${formatDateTime(e.dueAt, timeZone)}`);
  if (e.timeMultiplier && e.timeMultiplier !== 1)
    parts.push(
      `×${formatNumber(e.timeMultiplier)} time${
        assignment.timeLimitMinutes
          ? ` (${formatNumber(assignment.timeLimitMinutes * e.timeMultiplier)} minutes)`
          : ""
      }`,
    );
  if (e.extraAttempts > 0) parts.push(`${e.extraAttempts} more attempt${e.extraAttempts === 1 ? "" : "s"}`);
  return parts.join(" · ") || "the class's settings";
}
