import Link from "next/link";
import {
  deleteCustomQuestionAction,
  resetQuestionAction,
  setIncludedAction,
} from "@/app/teacher/articles/[slug]/actions";
import { describeKey } from "@/lib/attempts/describe";
import { KIND_LABELS, SKILL_LABELS } from "@/lib/labels";
import type { Question } from "@/lib/quiz/types";
import type { ReviewEntry } from "@/lib/reviews/queries";
import { attentionOf } from "@/lib/reviews/view";

const button = "rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100";

/** Prompt, options, key and explanation of a question, as the teacher reviews it. */
export function QuestionSummary({ question }: { question: Question }) {
  return (
    <div className="space-y-1 text-sm">
      <p className="font-medium text-stone-900">{question.prompt}</p>
      {question.items && (
        <p className="text-stone-700">
          <span className="font-medium">Items:</span> {question.items.map((i) => i.text).join(" · ")}
        </p>
      )}
      {question.options.length > 0 && question.kind !== "true-false" && (
        <p className="text-stone-700">
          <span className="font-medium">Options:</span> {question.options.map((o) => o.text).join(" · ")}
        </p>
      )}
      <p>
        <span className="font-medium">Answer:</span> {describeKey(question)}
      </p>
      {question.explanation && <p className="text-stone-700">{question.explanation}</p>}
    </div>
  );
}

/** How far the generator trusts the question, and what the teacher should check. */
export function Attention({ entry }: { entry: ReviewEntry }) {
  if (entry.custom) return null;
  const generated = entry.original ?? entry.question;
  const notes = generated.notes ?? [];
  const level = attentionOf(entry);
  if (level === "sure") return <p className="mt-1 text-xs text-stone-600">Confidence: high · no warnings</p>;
  return (
    <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-medium">
        {level === "low"
          ? "Low confidence: check before assigning"
          : "Confidence: high · check before assigning"}
      </p>
      {notes.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One question of the review, with what the teacher can do to it. */
export function ReviewQuestionCard({
  entry,
  number,
  slug,
}: {
  entry: ReviewEntry;
  number: number;
  slug: string;
}) {
  const q = entry.question;
  const name = `question ${number}`;
  const evidence = (entry.original ?? q).evidence;
  const highlight = evidence.map((e) => `${e.start}-${e.end}`).join(",");
  const hidden = (
    <>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="questionId" value={entry.questionId} />
    </>
  );
  return (
    <li
      id={`q-${entry.questionId}`}
      aria-label={`Question ${number}`}
      className={`scroll-mt-4 rounded-lg border bg-white p-4 ${entry.included ? "border-stone-300" : "border-dashed border-stone-300 bg-stone-50"}`}
    >
      <p className="text-xs uppercase tracking-wide text-stone-600">
        {number}. {SKILL_LABELS[q.skill]} · {entry.custom ? "Your question" : KIND_LABELS[q.kind]}
        {entry.edited && " · Edited by you"}
        {" · "}
        <span className={entry.included ? "font-semibold text-green-800" : "text-stone-600"}>
          {entry.included ? "In the quiz" : "Off"}
        </span>
      </p>
      <Attention entry={entry} />
      <div className="mt-2">
        <QuestionSummary question={q} />
      </div>
      {entry.evidenceText && (
        <blockquote className="mt-2 border-l-4 border-yellow-400 bg-yellow-50 px-3 py-1 font-serif text-sm">
          <mark className="bg-yellow-200">{entry.evidenceText}</mark>
        </blockquote>
      )}
      {entry.original && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-stone-700">Generated version</summary>
          <div className="mt-1 border-l-2 border-stone-300 pl-3">
            <QuestionSummary question={entry.original} />
          </div>
        </details>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <form action={setIncludedAction}>
          {hidden}
          <input type="hidden" name="included" value={entry.included ? "false" : "true"} />
          <button
            type="submit"
            className={button}
            aria-label={`${entry.included ? "Turn off" : "Turn on"} ${name}`}
          >
            {entry.included ? "Turn off" : "Turn on"}
          </button>
        </form>
        <Link
          href={`/teacher/articles/${encodeURIComponent(slug)}/questions/${encodeURIComponent(entry.questionId)}`}
          className={button}
          aria-label={`Edit ${name}`}
        >
          Edit
        </Link>
        {entry.edited && (
          <form action={resetQuestionAction}>
            {hidden}
            <button type="submit" className={button} aria-label={`Reset to generated ${name}`}>
              Reset to generated
            </button>
          </form>
        )}
        {entry.custom && (
          <form action={deleteCustomQuestionAction}>
            {hidden}
            <button type="submit" className={`${button} text-red-800`} aria-label={`Delete ${name}`}>
              Delete
            </button>
          </form>
        )}
        {highlight && (
          <Link
            href={`/articles/${encodeURIComponent(slug)}?highlight=${highlight}#evidence`}
            className="text-sm text-brand-700 underline"
            aria-label={`Show in article: the evidence for ${name}`}
          >
            Show in article
          </Link>
        )}
      </div>
    </li>
  );
}
