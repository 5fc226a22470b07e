import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { GradebookAttemptAnswers } from "@/components/gradebook-attempt-answers";
import { formatNumber, formatScore, formatWhen } from "@/lib/format";
import { OverrideForm } from "@/components/override-form";
import { PageNotice } from "@/components/notice";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { ENDED_BY } from "@/lib/labels";
import { getDb } from "@/db";
import { percentOf } from "@/lib/scores";
import { getAttemptForTeacher } from "@/lib/gradebook/attempt-review";
import { describeTimeLimit } from "@/lib/attempts/time-limit";
import { idOrNotFound } from "@/app/_lib/params";

export const metadata: Metadata = { title: "Student attempt" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TeacherAttemptPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const teacher = await requireRole("teacher", `/teacher/attempts/${id}`);
  const db = await getDb();
  const timeZone = await getViewerTimeZone();
  const view = await getAttemptForTeacher({ db, teacherId: teacher.id, attemptId: idOrNotFound(id) });
  if (!view) notFound();
  const { attempt, student, assignment } = view;
  const submitted = attempt.status === "submitted";
  const total = view.corrections.overrides.total;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="flex flex-wrap gap-4 text-sm print:hidden">
        <Link href={`/teacher/assignments/${assignment.id}`} className="text-brand-700 hover:underline">
          ← Assignment report
        </Link>
        <Link
          href={`/teacher/classes/${assignment.classId}/gradebook`}
          className="text-brand-700 hover:underline"
        >
          Gradebook of {assignment.className}
        </Link>
      </p>
      <header className="space-y-1">
        <p className="text-sm text-stone-600">
          {assignment.title} · {assignment.className}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {student.name}, attempt {view.attemptNumber}
        </h1>
        <p className="text-sm text-stone-600">{student.email}</p>
        <PageNotice query={query} />
      </header>
      <section id="attempt-score" className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-5">
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-stone-600">Score</dt>
          <dd className="font-semibold">
            {submitted
              ? formatScore(
                  attempt.score ?? 0,
                  attempt.maxScore,
                  percentOf(attempt.score ?? 0, attempt.maxScore),
                )
              : "In progress, not graded yet"}
          </dd>
          <dt className="text-stone-600">Started</dt>
          <dd>{formatWhen(attempt.startedAt, timeZone)}</dd>
          <dt className="text-stone-600">Submitted</dt>
          <dd>
            {submitted ? formatWhen(attempt.submittedAt, timeZone) : "Not yet"}
            {attempt.late && (
              <span className="ml-2 font-medium text-amber-800">
                Late (after {formatWhen(assignment.dueAt, timeZone)})
              </span>
            )}
          </dd>
          {attempt.endedBy && (
            <>
              <dt className="text-stone-600">Ended</dt>
              <dd>{ENDED_BY[attempt.endedBy]}</dd>
            </>
          )}
          {attempt.deadlineAt && (
            <>
              <dt className="text-stone-600">Time limit</dt>
              <dd>{describeTimeLimit(attempt, timeZone)}</dd>
            </>
          )}
          {total && (
            <>
              <dt className="text-stone-600">Set by hand</dt>
              <dd>
                {total.score !== null
                  ? `${formatNumber(total.score)} / ${attempt.maxScore} on ${formatWhen(total.at, timeZone)}`
                  : `Comment of ${formatWhen(total.at, timeZone)}`}
                {total.comment ? `: “${total.comment}”` : ""}
              </dd>
            </>
          )}
        </dl>
        {submitted && (
          <OverrideForm
            attemptId={attempt.id}
            number={null}
            max={attempt.maxScore}
            current={total ? { score: total.score, comment: total.comment } : null}
          />
        )}
      </section>
      {view.corrections.overrideLog.length > 0 && (
        <section aria-labelledby="changes-heading" className="space-y-2">
          <h2 id="changes-heading" className="text-lg font-semibold">
            Scores set by hand
          </h2>
          <ol className="list-disc space-y-1 pl-5 text-sm">
            {view.corrections.overrideLog.map((e) => {
              const n = e.questionId ? view.quiz.questions.findIndex((q) => q.id === e.questionId) + 1 : null;
              const what = n ? `question ${n}` : "the attempt";
              return (
                <li key={e.seq}>
                  {formatWhen(e.at, timeZone)}
                  {e.teacherName ? `, ${e.teacherName}` : ""}:{" "}
                  {e.score === null
                    ? `${what} back to the graded score`
                    : `${what} set to ${formatNumber(e.score)}`}
                  {e.comment ? ` (“${e.comment}”)` : ""}
                </li>
              );
            })}
          </ol>
        </section>
      )}
      <section aria-labelledby="answers-heading" className="space-y-3">
        <h2 id="answers-heading" className="text-lg font-semibold">
          Answers
        </h2>
        <GradebookAttemptAnswers view={view} timeZone={timeZone} />
      </section>
    </div>
  );
}
