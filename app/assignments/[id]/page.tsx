import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { startAssignmentAction } from "@/app/assignments/actions";
import { AssignmentStatusBadge } from "@/components/assignment-status";
import { getDb } from "@/db";
import { getAssignmentForStudent } from "@/lib/assignments/queries";
import { formatCount, formatDateTime, formatScore } from "@/lib/format";
import { ENDED_BY } from "@/lib/labels";
import { percentOf } from "@/lib/scores";
import { PageNotice } from "@/components/notice";
import { idOrNotFound } from "@/app/_lib/params";
import { classLabel } from "@/lib/classes/labels";

export const metadata: Metadata = { title: "Assignment" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function StudentAssignmentPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const student = await requireRole("student", `/assignments/${id}`);
  const [item, timeZone] = await Promise.all([
    getAssignmentForStudent({ db: await getDb(), studentId: student.id, assignmentId: idOrNotFound(id) }),
    getViewerTimeZone(),
  ]);
  if (!item) notFound();
  const { assignment: a } = item;
  const canStart = !a.closedAt && (item.openAttemptId !== null || item.attemptsLeft > 0);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href="/join" className="text-brand-700 hover:underline">
          ← Your classes
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm text-stone-600">
          {classLabel({ name: item.className, section: item.classSection })}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{item.title}</h1>
        <AssignmentStatusBadge item={item} />
      </header>
      <PageNotice query={query} />
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-5 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="text-stone-600">Due</dt>
        <dd>
          {formatDateTime(a.dueAt, timeZone)}
          {item.extension?.dueAt ? " (your own due date)" : ""}
          {a.closedAt ? " (closed)" : " · late work is accepted and marked late"}
        </dd>
        <dt className="text-stone-600">Questions</dt>
        <dd>{item.questionCount}</dd>
        <dt className="text-stone-600">Attempts</dt>
        <dd>
          {a.attemptsAllowed === 1
            ? `One${item.attemptsLeft === 0 ? ", used" : ""}`
            : `${a.attemptsAllowed} allowed, ${item.attemptsLeft} left · your ${a.counting === "best" ? "best" : "latest"} attempt counts`}
        </dd>
        <dt className="text-stone-600">Time limit</dt>
        <dd>
          {!a.timeLimitMinutes
            ? "None"
            : `${formatCount(a.timeLimitMinutes, "minute")}${item.extension?.timeMultiplier ? " (with your extra time)" : ""}${canStart ? " from when you start; at the limit your saved answers are graded" : ""}`}
        </dd>
        <dt className="text-stone-600">Answers shown</dt>
        <dd>
          {a.reveal === "after_submit"
            ? "When you submit"
            : a.reveal === "after_due"
              ? `After the due date (${formatDateTime(item.revealAfter, timeZone)})`
              : "After your last attempt; your score after each"}
        </dd>
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        <Link
          href={`/articles/${item.articleSlug}?assignment=${a.id}`}
          className="font-medium text-brand-700 underline"
        >
          Read the article
        </Link>
        {canStart && (
          <form action={startAssignmentAction}>
            <input type="hidden" name="assignmentId" value={a.id} />
            <button
              type="submit"
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              {item.openAttemptId
                ? "Resume the quiz"
                : item.attempts.length > 0
                  ? "Try again"
                  : "Start the quiz"}
            </button>
          </form>
        )}
      </div>
      {item.attempts.length > 0 && (
        <section aria-labelledby="attempts-heading" className="space-y-2">
          <h2 id="attempts-heading" className="text-lg font-semibold">
            Your attempts
          </h2>
          <ol className="space-y-2">
            {item.attempts.map((t, i) => (
              <li key={t.id} className="rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm">
                <Link href={`/attempts/${t.id}`} className="font-medium text-brand-700 underline">
                  Attempt {i + 1}
                </Link>{" "}
                {t.status === "in_progress"
                  ? "· in progress"
                  : `· submitted ${formatDateTime(t.submittedAt!, timeZone)}${t.late ? " · late" : ""}${
                      t.endedBy && t.endedBy !== "student" ? ` · ${ENDED_BY[t.endedBy].toLowerCase()}` : ""
                    }${
                      item.revealed.score
                        ? ` · ${formatScore(t.score ?? 0, t.maxScore, percentOf(t.score ?? 0, t.maxScore))}`
                        : " · score shown after the due date"
                    }${item.counting?.id === t.id ? " · counts" : ""}`}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
