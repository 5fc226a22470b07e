import type { Executor } from "@/db/client";
import type { CellStatus } from "@/lib/labels";
import { round1 } from "@/lib/scores";
import { getGradebook } from "./class-gradebook";

/**
 * A class's growth (issue #12): each student's scores over time across the
 * class's assignments, in due-date order, and the class average alongside.
 * Read from the gradebook (the same counting attempts, regrades and
 * overrides included), so the two never disagree; five queries whatever the
 * class's size.
 */

type GrowthAssignment = {
  id: string;
  articleTitle: string;
  dueAt: Date;
  /** Class average of submitted work (percent). */
  average: number | null;
  submitted: number;
};

type GrowthCell = { percent: number | null; status: CellStatus; attemptId: string | null };

type StudentGrowth = {
  studentId: string;
  name: string;
  email: string;
  /** One per assignment, in due-date order. */
  cells: GrowthCell[];
  submitted: number;
  /** The first and the latest submitted score, in due-date order. */
  first: number | null;
  latest: number | null;
  /** Latest minus first, in percentage points; null with fewer than two submitted. */
  change: number | null;
};

export type ClassGrowth = {
  classId: string;
  className: string;
  assignments: GrowthAssignment[];
  students: StudentGrowth[];
  /** The class average's latest figure minus its first, in points. */
  classChange: number | null;
};

/** A change smaller than this many points is "about the same", not up or down. */
const STEADY_POINTS = 5;

export function changeOf(first: number | null, latest: number | null, points: number): number | null {
  return points >= 2 && first !== null && latest !== null ? round1(latest - first) : null;
}

/** "up 12 points", "down 8 points", "about the same", or null when there is nothing to compare. */
export function changeWords(change: number | null): string | null {
  if (change === null) return null;
  if (Math.abs(change) < STEADY_POINTS) return "about the same";
  const n = Math.abs(change);
  return `${change > 0 ? "up" : "down"} ${n} point${n === 1 ? "" : "s"}`;
}

export async function getClassGrowth(input: {
  db: Executor;
  teacherId: string;
  classId: string;
  now?: Date;
}): Promise<ClassGrowth | undefined> {
  const gradebook = await getGradebook(input);
  if (!gradebook) return undefined;
  const assignments = gradebook.assignments.map((a): GrowthAssignment => ({
    id: a.id,
    articleTitle: a.articleTitle,
    dueAt: a.dueAt,
    average: a.average,
    submitted: a.submitted,
  }));
  const students = gradebook.rows.map((r): StudentGrowth => {
    const cells = r.cells.map((c) => ({ percent: c.percent, status: c.status, attemptId: c.attemptId }));
    const scored = cells.flatMap((c) => (c.percent === null ? [] : [c.percent]));
    const first = scored[0] ?? null;
    const latest = scored[scored.length - 1] ?? null;
    return {
      studentId: r.studentId,
      name: r.name,
      email: r.email,
      cells,
      submitted: scored.length,
      first,
      latest,
      change: changeOf(first, latest, scored.length),
    };
  });
  const averages = assignments.flatMap((a) => (a.average === null ? [] : [a.average]));
  return {
    classId: gradebook.classId,
    className: gradebook.className,
    assignments,
    students,
    classChange: changeOf(averages[0] ?? null, averages[averages.length - 1] ?? null, averages.length),
  };
}
