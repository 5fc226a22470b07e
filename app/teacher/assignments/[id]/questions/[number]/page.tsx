import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { idOrNotFound, positionOrNotFound } from "@/app/_lib/params";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { ItemChoices } from "@/components/item-analysis-table";
import { RegradeForm } from "@/components/regrade-form";
import { getDb } from "@/db";
import { describeKey } from "@/lib/attempts/describe";
import { getAssignmentReport } from "@/lib/gradebook/assignment-report";
import { REGRADE_LABELS } from "@/lib/gradebook/correction-form";
import { formatDateTime } from "@/lib/format";
import { KIND_LABELS, SKILL_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "Regrade a question" };

type Props = { params: Promise<{ id: string; number: string }> };

/** One question of an assignment: how students answered it, its regrade history, and the regrade form. */
export default async function RegradeQuestionPage({ params }: Props) {
  const { id, number } = await params;
  const teacher = await requireRole("teacher", `/teacher/assignments/${id}/questions/${number}`);
  const n = positionOrNotFound(number);
  const [db, timeZone] = await Promise.all([getDb(), getViewerTimeZone()]);
  const report = await getAssignmentReport({ db, teacherId: teacher.id, assignmentId: idOrNotFound(id) });
  const a = report?.assignment;
  const question = a?.questions[n - 1];
  const frozen = a?.frozenQuestions[n - 1];
  const item = report?.items[n - 1];
  if (!report || !a || !question || !frozen || !item) notFound();
  const history = a.regradeLog.filter((e) => e.questionId === question.id);
  const submittedAttempts = report.students.reduce(
    (sum, s) => sum + s.attempts.filter((t) => t.status === "submitted").length,
    0,
  );
  const regrade = a.regrades.get(question.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href={`/teacher/assignments/${a.id}#item-${n}`} className="text-brand-700 hover:underline">
          ← Assignment report
        </Link>
      </p>
      <header className="space-y-1">
        <p className="text-sm text-stone-600">
          {a.article.title} · {a.className}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Regrade question {n}</h1>
      </header>

      <section
        aria-labelledby="question-heading"
        className="space-y-2 rounded-lg border border-stone-200 bg-white p-5"
      >
        <h2 id="question-heading" className="text-lg font-semibold">
          {question.prompt}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-stone-600">Kind</dt>
          <dd>
            {KIND_LABELS[question.kind] ?? question.kind} · {SKILL_LABELS[question.skill] ?? question.skill}
          </dd>
          <dt className="text-stone-600">Key now</dt>
          <dd className="font-medium">{describeKey(question)}</dd>
          {regrade && (
            <>
              <dt className="text-stone-600">Key as assigned</dt>
              <dd>{describeKey(frozen)}</dd>
              <dt className="text-stone-600">Counts as</dt>
              <dd>{REGRADE_LABELS[regrade.kind]}</dd>
            </>
          )}
          <dt className="text-stone-600">Explanation</dt>
          <dd>{question.explanation || "—"}</dd>
        </dl>
      </section>

      <section aria-labelledby="answers-heading" className="space-y-2">
        <h2 id="answers-heading" className="text-lg font-semibold">
          How students answered ({item.attempts} counting attempt{item.attempts === 1 ? "" : "s"})
        </h2>
        {item.attempts === 0 ? (
          <p className="text-stone-700">Nothing submitted yet.</p>
        ) : (
          <ItemChoices item={item} />
        )}
      </section>

      {history.length > 0 && (
        <section aria-labelledby="history-heading" className="space-y-2">
          <h2 id="history-heading" className="text-lg font-semibold">
            Changes so far
          </h2>
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {history.map((e) => (
              <li key={e.seq}>
                {formatDateTime(e.at, timeZone)}: {REGRADE_LABELS[e.kind]}
                {e.teacherName ? `, by ${e.teacherName}` : ""}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="regrade-heading" className="space-y-3">
        <h2 id="regrade-heading" className="text-lg font-semibold">
          Regrade
        </h2>
        <RegradeForm
          assignmentId={a.id}
          number={n}
          question={question}
          regraded={Boolean(regrade)}
          submittedAttempts={submittedAttempts}
        />
      </section>
    </div>
  );
}
