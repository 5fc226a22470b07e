import type { CellStatus } from "@/lib/labels";
import { round1 } from "@/lib/scores";

/**
 * A student's standing on one assignment. "Overdue" means nothing submitted
 * and no more chance to submit on time: the due date has passed or the
 * teacher closed the assignment. An overdue cell counts as 0 in the averages
 * "with missing work as zero"; an in-progress attempt past the due date is
 * shown as in progress and is overdue.
 */
export function cellStatus(input: {
  counting: { late: boolean } | undefined;
  hasOpen: boolean;
  dueAt: Date;
  closedAt: Date | null;
  now: Date;
}): { status: CellStatus; overdue: boolean } {
  if (input.counting) return { status: input.counting.late ? "late" : "submitted", overdue: false };
  const overdue = input.now.getTime() > input.dueAt.getTime() || input.closedAt !== null;
  if (input.hasOpen) return { status: "in_progress", overdue };
  return { status: overdue ? "missing" : "not_started", overdue };
}

/** Two averages of percents: over submitted work only, and with overdue work counted as 0. */
export function averages(cells: { percent: number | null; overdue: boolean }[]): {
  average: number | null;
  averageWithMissing: number | null;
} {
  let sum = 0;
  let n = 0;
  let overdue = 0;
  for (const c of cells) {
    if (c.percent !== null) {
      sum += c.percent;
      n++;
    } else if (c.overdue) overdue++;
  }
  return {
    average: n ? round1(sum / n) : null,
    averageWithMissing: n + overdue ? round1(sum / (n + overdue)) : null,
  };
}
