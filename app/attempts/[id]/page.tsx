import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/auth";
import { startAttemptAction } from "@/app/attempts/actions";
import { ArticleBody } from "@/components/article-body";
import { QuizForm } from "@/components/quiz-form";
import { QuizResults } from "@/components/quiz-results";
import { FocusOnMount } from "@/components/focus-on-mount";
import { getDb } from "@/db";
import { paragraphsWithHighlights } from "@/lib/articles/highlight";
import { revealFor } from "@/lib/attempts/reveal";
import { getAttemptForUser } from "@/lib/attempts/views";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/format";
import { percentOf } from "@/lib/scores";
import { TeacherScoreNote } from "@/components/correction-notes";
import { getViewerTimeZone } from "@/app/_lib/time-zone";
import { disguiseFor } from "@/lib/attempts/opaque-ids";
import type { Response } from "@/lib/quiz/types";
import { Notice, PageNotice } from "@/components/notice";
import { idOrNotFound } from "@/app/_lib/params";

export const metadata: Metadata = { title: "Quiz" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AttemptPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/attempts/${id}`);
  const db = await getDb();
  const [view, query, timeZone] = await Promise.all([
    getAttemptForUser({ db, userId: user.id, attemptId: idOrNotFound(id) }),
    searchParams,
    getViewerTimeZone(),
  ]);
  if (!view) notFound();
  const { attempt, quiz, article, assignment } = view;

  // Self-study of an article is closed while an assignment on it is open: its questions and results too.
  if (view.lock) {
    return (
      <div className="mx-auto max-w-3xl space-y-6">
        <header className="space-y-1">
          <p className="text-sm text-stone-600">
            <Link href={`/articles/${article.slug}`} className="text-brand-700 hover:underline">
              {article.title}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">Practice is closed for now</h1>
        </header>
        <Notice tone="warning">
          You have an assignment on this article. This practice quiz, and its answers, open again once you
          have done the assignment and can see its answers.
        </Notice>
        <p>
          <Link
            href={`/assignments/${view.lock.assignmentId}`}
            className="font-medium text-brand-700 underline"
          >
            Go to the assignment
          </Link>
        </p>
      </div>
    );
  }

  if (attempt.status === "submitted" && assignment) {
    const { corrections } = view;
    // "After the due date" means after the last one: a classmate's extension keeps the key hidden until it passes.
    const revealAfter = view.revealAfter ?? assignment.dueAt;
    const shown = revealFor(
      { ...assignment, dueAt: revealAfter },
      { now: new Date(), submittedAttempts: corrections.submittedAttempts },
    );
    const attemptsLeft = Math.max(0, assignment.attemptsAllowed - corrections.submittedAttempts);
    const ended =
      attempt.endedBy === "time_limit"
        ? "Time ran out: your answers saved by then were graded."
        : attempt.endedBy === "closed"
          ? "Your teacher closed the assignment: your answers saved by then were graded."
          : null;
    const score = attempt.score ?? 0;
    return (
      <div className="mx-auto max-w-3xl space-y-6">
        <header className="space-y-1">
          <p className="text-sm text-stone-600">
            <Link href={`/assignments/${assignment.id}`} className="text-brand-700 hover:underline">
              ← The assignment
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{article.title}</h1>
          <p className="text-stone-700">
            Submitted {formatDateTime(attempt.submittedAt!, timeZone)}
            {attempt.late ? " · late" : ""}
          </p>
          {ended && <Notice tone="warning">{ended}</Notice>}
        </header>
        {query.submitted === "1" && <FocusOnMount targetId="score-heading" />}
        {shown.answers ? (
          <QuizResults view={view} timeZone={timeZone} />
        ) : shown.score ? (
          // Between attempts: the score, never the keys, explanations or which questions were right.
          <section
            aria-labelledby="score-heading"
            className="space-y-3 rounded-lg border border-stone-200 bg-white p-6"
          >
            <h2 id="score-heading" tabIndex={-1} className="text-2xl font-semibold">
              Score: {formatNumber(score)} / {attempt.maxScore}{" "}
              <span className="text-stone-600">({formatPercent(percentOf(score, attempt.maxScore))})</span>
            </h2>
            {corrections.overrides.total && (
              <TeacherScoreNote
                override={corrections.overrides.total}
                max={attempt.maxScore}
                timeZone={timeZone}
                what="your score"
              />
            )}
            {corrections.regrades.size > 0 && (
              <p className="text-sm text-stone-700">
                Your teacher regraded{" "}
                {corrections.regrades.size === 1 ? "a question" : `${corrections.regrades.size} questions`};
                this score includes the change.
              </p>
            )}
            <p className="text-stone-700">
              The answers and explanations are shown after your last attempt
              {attemptsLeft > 0 ? ` (you have ${attemptsLeft} left)` : ""}, or when your teacher closes the
              assignment.
            </p>
          </section>
        ) : (
          <section
            aria-labelledby="score-heading"
            className="rounded-lg border border-stone-200 bg-white p-6"
          >
            <h2 id="score-heading" tabIndex={-1} className="text-xl font-semibold">
              Your answers are in
            </h2>
            <p className="mt-2 text-stone-700">
              Your teacher shows scores and answers after the due date,{" "}
              {formatDateTime(revealAfter, timeZone)}.
            </p>
          </section>
        )}
      </div>
    );
  }

  if (attempt.status === "submitted") {
    return (
      <div className="mx-auto max-w-3xl space-y-6">
        <header className="space-y-1">
          <p className="text-sm text-stone-600">
            <Link href={`/articles/${article.slug}`} className="text-brand-700 hover:underline">
              {article.title}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">
            {quiz.kind === "practice" ? "Practice results" : "Quiz results"}
          </h1>
        </header>
        {query.submitted === "1" && <FocusOnMount targetId="score-heading" />}
        <QuizResults view={view} timeZone={timeZone} />
        <div className="no-print flex flex-wrap gap-3 border-t border-stone-200 pt-6">
          <form action={startAttemptAction}>
            <input type="hidden" name="articleId" value={article.id} />
            <input type="hidden" name="slug" value={article.slug} />
            <button
              name="mode"
              value="fresh"
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              New quiz
            </button>
          </form>
          <form action={startAttemptAction}>
            <input type="hidden" name="articleId" value={article.id} />
            <input type="hidden" name="slug" value={article.slug} />
            <button
              name="mode"
              value="practice"
              className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100"
            >
              Practice missed questions
            </button>
          </form>
          <Link href="/progress" className="self-center font-medium text-brand-700 underline">
            See your progress
          </Link>
        </div>
      </div>
    );
  }

  // The browser gets opaque ids (lib/attempts/opaque-ids.ts): a stored id is a hash of the content, key included.
  const disguise = disguiseFor(attempt, quiz.questions);
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const saved: Record<string, Response> = {};
  for (const [qid, a] of view.answers) {
    const q = byId.get(qid);
    if (q && a.response) saved[disguise.show(q).id] = disguise.shown(q, a.response);
  }
  const ordered = attempt.questionOrder
    ? attempt.questionOrder.flatMap((qid) => byId.get(qid) ?? [])
    : quiz.questions;
  const questions = ordered.map((q) => disguise.show(q));
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] print:block">
      <div className="space-y-4">
        <header className="space-y-1">
          <p className="text-sm text-stone-600">
            {assignment
              ? `Assignment · due ${formatDateTime(assignment.dueAt, timeZone)}`
              : quiz.kind === "practice"
                ? "Practice: questions you missed"
                : "Comprehension quiz"}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{article.title}</h1>
          <p className="text-sm lg:hidden">
            <Link
              href={`/articles/${article.slug}${assignment ? `?assignment=${assignment.id}` : ""}`}
              target="_blank"
              className="font-medium text-brand-700 underline"
            >
              Read the article (opens in a new tab)
            </Link>
          </p>
          <PageNotice query={query} />
        </header>
        {query.confirm === "1" && <FocusOnMount targetId="confirm-submit" />}
        <QuizForm
          attemptId={attempt.id}
          questions={questions}
          saved={saved}
          confirmUnanswered={query.confirm === "1"}
          deadline={attempt.deadlineAt?.toISOString()}
        />
      </div>
      <aside aria-label="The article" className="hidden lg:block print:block">
        <div
          tabIndex={0}
          className="sticky top-4 max-h-[calc(100vh-2rem)] overflow-y-auto rounded-lg border border-stone-200 bg-white p-5 print:static print:max-h-none print:overflow-visible print:border-0 print:p-0"
        >
          <h2 className="mb-3 font-serif text-lg font-semibold">{article.title}</h2>
          <ArticleBody paragraphs={paragraphsWithHighlights(article.body, [])} compact />
        </div>
      </aside>
    </div>
  );
}
