import type { Executor } from "@/db/client";
import { finalizeEndedAttempts } from "@/lib/attempts/grading";
import { describeKey, describeResponse } from "@/lib/attempts/describe";
import { overrideEventsOf } from "@/lib/attempts/corrections";
import { creditOf, currentOverrides, type OverrideState } from "@/lib/attempts/scoring";
import type { CsvCell } from "@/lib/csv";
import { REGRADE_LABELS } from "./correction-form";
import {
  answersOfAssignment,
  attemptsOfAssignment,
  getAssignmentForTeacher,
  groupByStudent,
  rosterOf,
  type AssignmentForTeacher,
} from "./assignment-report";

export type ResponseExportRow = {
  studentName: string;
  email: string;
  attemptId: string;
  attemptNumber: number;
  submittedAt: Date | null;
  late: boolean;
  counting: boolean;
  questionNumber: number;
  prompt: string;
  response: string;
  key: string;
  score: number | null;
  correct: boolean | null;
  /** The regrade in force for the question, in words. */
  regrade: string;
  /** The teacher's own score for the question or the attempt, and their comment. */
  teacherNote: string;
};

/**
 * Every response to an assignment: one row per student, submitted attempt and
 * question (in the quiz's own order), for the responses CSV. Three queries.
 */
export async function responsesForExport(input: {
  db: Executor;
  teacherId: string;
  assignmentId: string;
}): Promise<{ assignment: AssignmentForTeacher; rows: ResponseExportRow[] } | undefined> {
  const { db, teacherId } = input;
  const assignment = await getAssignmentForTeacher(input);
  if (!assignment) return undefined;
  // Timed attempts past their limit are graded before anyone reads results.
  await finalizeEndedAttempts({ db, assignmentIds: [assignment.id] });
  const [roster, attempts, answers, overrides] = await Promise.all([
    rosterOf(db, teacherId, assignment.classId),
    attemptsOfAssignment(db, teacherId, assignment.id),
    answersOfAssignment(db, teacherId, assignment.id),
    overrideEventsOf(db, { assignmentId: assignment.id }),
  ]);
  const byStudent = groupByStudent(attempts);
  const rows: ResponseExportRow[] = [];
  for (const s of roster) {
    for (const a of byStudent.get(s.studentId) ?? []) {
      if (a.status !== "submitted") continue;
      const saved = answers.get(a.id);
      const set = currentOverrides(overrides.get(a.id) ?? []);
      const attemptNote = set.total ? noteOf(set.total, `attempt score set to`) : "";
      assignment.questions.forEach((q, i) => {
        const ans = saved?.get(q.id);
        const regrade = assignment.regrades.get(q.id);
        const own = set.questions.get(q.id);
        rows.push({
          studentName: s.name,
          email: s.email,
          attemptId: a.id,
          attemptNumber: a.number,
          submittedAt: a.submittedAt,
          late: a.late,
          counting: a.counting,
          questionNumber: i + 1,
          prompt: q.prompt,
          response: describeResponse(q, ans?.response),
          key: describeKey(q),
          // A dropped question has no score: the cell stays empty rather than claim a 0.
          score: creditOf(regrade) === "dropped" ? null : (ans?.score ?? 0),
          correct: creditOf(regrade) === "dropped" ? null : (ans?.correct ?? false),
          regrade: regrade ? REGRADE_LABELS[regrade.kind] : "",
          teacherNote: [own ? noteOf(own, "question score set to") : "", attemptNote]
            .filter(Boolean)
            .join("; "),
        });
      });
    }
  }
  return { assignment, rows };
}

function noteOf(o: OverrideState, what: string): string {
  const set = o.score === null ? "comment" : `${what} ${o.score}`;
  return o.comment ? `${set}: ${o.comment}` : set;
}

export function responsesCsvRows(rows: ResponseExportRow[]): CsvCell[][] {
  return [
    [
      "Student",
      "Email",
      "Attempt id",
      "Attempt number",
      "Submitted at (UTC)",
      "Late",
      "Counts toward grade",
      "Question number",
      "Question",
      "Response",
      "Correct answer",
      "Score",
      "Correct",
      "Regrade",
      "Teacher's score and comment",
    ],
    ...rows.map((r) => [
      r.studentName,
      r.email,
      r.attemptId,
      r.attemptNumber,
      r.submittedAt,
      r.late,
      r.counting,
      r.questionNumber,
      r.prompt,
      r.response,
      r.key,
      r.score,
      r.correct,
      r.regrade,
      r.teacherNote,
    ]),
  ];
}
