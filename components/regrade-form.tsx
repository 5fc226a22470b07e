"use client";

import { useActionState } from "react";
import { regradeQuestionAction } from "@/app/teacher/assignments/actions";
import type { ActionResult } from "@/lib/action-result";
import { fieldName } from "@/lib/attempts/answer-form";
import type { RegradeKind } from "@/lib/attempts/scoring";
import { KEY_FIELD_ID, REGRADE_CHOICES, type RegradeField } from "@/lib/gradebook/correction-form";
import type { Question } from "@/lib/quiz/types";
import { REVIEW_LIMITS } from "@/lib/reviews/limits";
import { FieldErrors, FormMessage } from "./form-field";

const input =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm aria-invalid:border-red-600";

/** Parts shown only while their choice is ticked, by CSS alone (written out whole for Tailwind to find). */
const SHOWN_FOR = {
  key: "hidden [form:has(input[name=kind][value=key]:checked)_&]:block",
  accept: "hidden [form:has(input[name=kind][value=accept]:checked)_&]:block",
  keyOrAccept:
    "hidden [form:has(input[name=kind][value=key]:checked)_&]:block [form:has(input[name=kind][value=accept]:checked)_&]:block",
};

/**
 * The regrade form of one question: what to change (a new key, another
 * accepted typed answer, full credit, dropping it, or undoing), the new key,
 * and the explanation students read. The parts that do not apply to the
 * choice are hidden by CSS (`:has()`), so it works the same without
 * JavaScript. A plain post to a server action; after an error everything
 * typed comes back.
 */
export function RegradeForm({
  assignmentId,
  number,
  question,
  regraded,
  submittedAttempts,
}: {
  assignmentId: string;
  number: number;
  /** The question as graded now (the key and explanation in force). */
  question: Question;
  /** Whether a regrade is in force (undo is offered). */
  regraded: boolean;
  submittedAttempts: number;
}) {
  const [state, action, pending] = useActionState<ActionResult<RegradeField>, FormData>(
    regradeQuestionAction,
    { status: "idle" },
  );
  const errors = state.fieldErrors ?? {};
  const back = state.status === "error" ? state.values : undefined;
  const value = (name: string, fallback: string) =>
    (back as Record<string, string> | undefined)?.[name] ?? (back ? "" : fallback);
  const a = question.answer;
  const typed = a.type === "text";
  const kinds: RegradeKind[] = [
    "key",
    ...(typed ? (["accept"] as const) : []),
    "full_credit",
    "drop",
    ...(regraded ? (["original"] as const) : []),
  ];
  const kind = value("kind", "key");
  const keyName = fieldName(KEY_FIELD_ID);
  const picked = new Set(
    back
      ? (value(keyName, "").split("\n") ?? [])
      : a.type === "single"
        ? [a.optionId]
        : a.type === "multi"
          ? a.optionIds
          : [],
  );
  const pairs = new Map(a.type === "match" ? a.pairs.map((p) => [p.itemId, p.optionId]) : []);

  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="question" value={number} />

      <fieldset
        className="space-y-2 rounded-md border border-stone-200 p-3"
        aria-describedby={errors.kind ? "regrade-kind-error" : undefined}
      >
        <legend className="px-1 text-sm font-medium text-stone-800">What to change</legend>
        {kinds.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" value={k} defaultChecked={kind === k} className="h-4 w-4" />
            {REGRADE_CHOICES[k]}
          </label>
        ))}
        <FieldErrors id="regrade-kind-error" errors={errors.kind} />
      </fieldset>

      <fieldset
        className={`space-y-2 rounded-md border border-stone-200 p-3 ${SHOWN_FOR.key}`}
        aria-describedby={errors.key || errors.accepted ? "regrade-key-error" : undefined}
      >
        <legend className="px-1 text-sm font-medium text-stone-800">The new key</legend>
        {a.type === "single" &&
          question.options.map((o) => (
            <label key={o.id} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={keyName}
                value={o.id}
                defaultChecked={picked.has(o.id)}
                className="h-4 w-4"
              />
              {o.text}
            </label>
          ))}
        {a.type === "multi" &&
          question.options.map((o) => (
            <label key={o.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={keyName}
                value={o.id}
                defaultChecked={picked.has(o.id)}
                className="h-4 w-4"
              />
              {o.text}
            </label>
          ))}
        {a.type === "match" &&
          (question.items ?? []).map((item) => {
            const name = fieldName(KEY_FIELD_ID, item.id);
            return (
              <div key={item.id} className="grid items-center gap-2 text-sm sm:grid-cols-[12rem_1fr]">
                <label htmlFor={`regrade-${name}`}>{item.text}</label>
                <select
                  id={`regrade-${name}`}
                  name={name}
                  defaultValue={value(name, pairs.get(item.id) ?? "")}
                  className={input}
                >
                  <option value="">Choose…</option>
                  {question.options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.text}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        {typed && (
          <div className="space-y-1">
            <label htmlFor="regrade-accepted" className="block text-sm">
              Accepted answers, one per line
            </label>
            <textarea
              id="regrade-accepted"
              name="accepted"
              rows={3}
              defaultValue={value("accepted", a.type === "text" ? a.accepted.join("\n") : "")}
              aria-invalid={errors.accepted ? true : undefined}
              className={input}
            />
          </div>
        )}
        <FieldErrors id="regrade-key-error" errors={[...(errors.key ?? []), ...(errors.accepted ?? [])]} />
      </fieldset>

      {typed && (
        <div className={`space-y-1 ${SHOWN_FOR.accept}`}>
          <label htmlFor="regrade-accept" className="block text-sm font-medium text-stone-800">
            Answer to accept as well
          </label>
          <p id="regrade-accept-hint" className="text-xs text-stone-600">
            Compared as typed answers are: case, punctuation and a leading “the” do not matter.
          </p>
          <input
            id="regrade-accept"
            name="accept"
            maxLength={REVIEW_LIMITS.accepted}
            defaultValue={value("accept", "")}
            aria-invalid={errors.accept ? true : undefined}
            aria-describedby="regrade-accept-hint regrade-accept-error"
            className={input}
          />
          <FieldErrors id="regrade-accept-error" errors={errors.accept} />
        </div>
      )}

      <div className={`space-y-1 ${SHOWN_FOR.keyOrAccept}`}>
        <label htmlFor="regrade-explanation" className="block text-sm font-medium text-stone-800">
          Explanation students read
        </label>
        <p id="regrade-explanation-hint" className="text-xs text-stone-600">
          The stored explanation gives the reason for the old key: with a new key, say why the new answer is
          right.
        </p>
        <textarea
          id="regrade-explanation"
          name="explanation"
          rows={3}
          maxLength={REVIEW_LIMITS.explanation + 100}
          defaultValue={value("explanation", question.explanation)}
          aria-invalid={errors.explanation ? true : undefined}
          aria-describedby="regrade-explanation-hint regrade-explanation-error"
          className={input}
        />
        <FieldErrors id="regrade-explanation-error" errors={errors.explanation} />
      </div>

      <p className="text-sm text-stone-700">
        {submittedAttempts === 0
          ? "Nothing is submitted yet: attempts submitted from now on are graded with the change."
          : `${submittedAttempts} submitted attempt${submittedAttempts === 1 ? " is" : "s are"} graded again at once; attempts still open are graded with the change.`}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Regrading…" : "Regrade the question"}
      </button>
    </form>
  );
}
