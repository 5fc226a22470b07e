"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { addCustomQuestionAction, saveQuestionAction } from "@/app/teacher/articles/[slug]/actions";
import type { ActionResult } from "@/lib/action-result";
import type { Question, Skill } from "@/lib/quiz/types";
import {
  REVIEW_LIMITS,
  TRUE_FALSE_OPTIONS,
  type CustomQuestionType,
  type DraftShape,
} from "@/lib/reviews/limits";
import { FieldErrors, FormMessage } from "./form-field";

type Props = {
  slug: string;
  shape: DraftShape;
  /** Editing: the question as it stands (edited or generated) and its review id. */
  question?: Question;
  questionId?: string;
  /** Adding one of the teacher's own: its type and the skills to choose from. */
  newType?: CustomQuestionType;
  skills?: { value: Skill; label: string }[];
  /** The explanation students see with their results: the generator's, unless the teacher writes another. */
  generatedExplanation?: string;
};

const input =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm aria-invalid:border-red-600";

function Group({
  legend,
  hint,
  errorId,
  errors,
  children,
}: {
  legend: string;
  hint?: string;
  errorId: string;
  errors?: string[];
  children: ReactNode;
}) {
  const hintId = hint ? `${errorId}-hint` : undefined;
  return (
    <fieldset
      className="space-y-2 rounded-md border border-stone-200 p-3"
      aria-describedby={[hintId, errors?.length ? errorId : undefined].filter(Boolean).join(" ") || undefined}
    >
      <legend className="px-1 text-sm font-medium text-stone-800">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-xs text-stone-600">
          {hint}
        </p>
      )}
      {children}
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}

function keysOf(answer: Question["answer"] | undefined): string[] {
  if (!answer) return [];
  if (answer.type === "single") return [answer.optionId];
  if (answer.type === "multi") return answer.optionIds;
  return [];
}

/**
 * Edits a question, or writes one of the teacher's own. A plain form post to
 * a server action, so it works without JavaScript; after an error every value
 * typed comes back from the action's result.
 */
export function QuestionForm({
  slug,
  shape,
  question,
  questionId,
  newType,
  skills,
  generatedExplanation,
}: Props) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(
    newType ? addCustomQuestionAction : saveQuestionAction,
    { status: "idle" },
  );
  const errors = state.fieldErrors ?? {};
  const back = state.status === "error" ? state.values : undefined;
  const value = (name: string, fallback: string) => back?.[name] ?? (back ? "" : fallback);
  const correct = new Set(back ? (back.correct?.split("\n") ?? []) : keysOf(question?.answer));

  const optionRows: { key: string; text: string }[] = [];
  if (shape === "single" || shape === "multi") {
    for (const o of question?.options ?? []) optionRows.push({ key: o.id, text: o.text });
    for (let i = 0; optionRows.length < REVIEW_LIMITS.maxOptions; i++)
      optionRows.push({ key: `new-${i}`, text: "" });
  }
  const tfOptions = question?.options ?? TRUE_FALSE_OPTIONS;

  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="slug" value={slug} />
      {questionId && <input type="hidden" name="questionId" value={questionId} />}
      {newType && <input type="hidden" name="type" value={newType} />}

      <div className="space-y-1">
        <label htmlFor="field-prompt" className="block text-sm font-medium text-stone-800">
          Question
        </label>
        <textarea
          id="field-prompt"
          name="prompt"
          rows={3}
          maxLength={REVIEW_LIMITS.prompt + 100}
          defaultValue={value("prompt", question?.prompt ?? "")}
          aria-invalid={errors.prompt ? true : undefined}
          aria-describedby="field-prompt-error"
          className={input}
        />
        <FieldErrors id="field-prompt-error" errors={errors.prompt} />
      </div>

      {skills && (
        <div className="space-y-1">
          <label htmlFor="field-skill" className="block text-sm font-medium text-stone-800">
            What it checks
          </label>
          <select
            id="field-skill"
            name="skill"
            defaultValue={value("skill", "details")}
            aria-invalid={errors.skill ? true : undefined}
            aria-describedby="field-skill-error"
            className={input}
          >
            {skills.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <FieldErrors id="field-skill-error" errors={errors.skill} />
        </div>
      )}

      {(shape === "single" || shape === "multi") && (
        <Group
          legend={
            shape === "single" ? "Options (mark the one right answer)" : "Options (mark every right answer)"
          }
          hint={`Between ${REVIEW_LIMITS.minOptions} and ${REVIEW_LIMITS.maxOptions} options. Leave a box empty to drop that option.`}
          errorId="field-options-error"
          errors={errors.options}
        >
          {optionRows.map((row, i) => (
            <div key={row.key} className="flex items-end gap-3">
              <input type="hidden" name="optionKey" value={row.key} />
              <div className="flex-1 space-y-1">
                <label htmlFor={`option-${i}`} className="block text-sm text-stone-800">
                  Option {i + 1}
                </label>
                <input
                  id={`option-${i}`}
                  name={`optionText:${row.key}`}
                  maxLength={REVIEW_LIMITS.option + 50}
                  defaultValue={value(`optionText:${row.key}`, row.text)}
                  aria-invalid={errors.options ? true : undefined}
                  className={input}
                />
              </div>
              <label className="mb-2 flex items-center gap-1 text-sm">
                <input
                  type={shape === "single" ? "radio" : "checkbox"}
                  name="correct"
                  value={row.key}
                  defaultChecked={correct.has(row.key)}
                  className="h-4 w-4"
                />
                Right answer<span className="sr-only"> (option {i + 1})</span>
              </label>
            </div>
          ))}
        </Group>
      )}

      {shape === "true-false" && (
        <Group legend="The statement is" errorId="field-options-error" errors={errors.options}>
          {tfOptions.map((o) => (
            <label key={o.id} className="flex items-center gap-2 text-sm">
              <input type="hidden" name="optionKey" value={o.id} />
              <input
                type="radio"
                name="correct"
                value={o.id}
                defaultChecked={correct.has(o.id)}
                className="h-4 w-4"
              />
              {o.text}
            </label>
          ))}
        </Group>
      )}

      {shape === "text" && (
        <div className="space-y-1">
          <label htmlFor="field-accepted" className="block text-sm font-medium text-stone-800">
            Accepted answers (one per line)
          </label>
          <p id="field-accepted-hint" className="text-xs text-stone-600">
            Up to {REVIEW_LIMITS.maxAccepted}. Capitals, punctuation and a leading &ldquo;the&rdquo; do not
            matter.
          </p>
          <textarea
            id="field-accepted"
            name="accepted"
            rows={4}
            defaultValue={value(
              "accepted",
              question?.answer.type === "text" ? question.answer.accepted.join("\n") : "",
            )}
            aria-invalid={errors.accepted ? true : undefined}
            aria-describedby="field-accepted-hint field-accepted-error"
            className={input}
          />
          <FieldErrors id="field-accepted-error" errors={errors.accepted} />
        </div>
      )}

      {shape === "match" && question?.items && question.answer.type === "match" && (
        <>
          <p className="text-sm text-stone-700">
            You can change the words; which item goes with which option stays as generated.
          </p>
          <Group legend="Items to match" errorId="field-items-error" errors={errors.items}>
            {question.items.map((item, i) => (
              <div key={item.id} className="space-y-1">
                <input type="hidden" name="itemKey" value={item.id} />
                <label htmlFor={`item-${i}`} className="block text-sm text-stone-800">
                  Item {i + 1}
                </label>
                <input
                  id={`item-${i}`}
                  name={`itemText:${item.id}`}
                  defaultValue={value(`itemText:${item.id}`, item.text)}
                  aria-invalid={errors.items ? true : undefined}
                  className={input}
                />
              </div>
            ))}
          </Group>
          <Group legend="Options they match" errorId="field-options-error" errors={errors.options}>
            {question.options.map((o, i) => {
              const item = question.items?.find(
                (it) =>
                  question.answer.type === "match" &&
                  question.answer.pairs.some((p) => p.optionId === o.id && p.itemId === it.id),
              );
              return (
                <div key={o.id} className="space-y-1">
                  <input type="hidden" name="optionKey" value={o.id} />
                  <label htmlFor={`option-${i}`} className="block text-sm text-stone-800">
                    Option {i + 1}
                    {item && <span className="text-stone-600"> (goes with item: {item.text})</span>}
                  </label>
                  <input
                    id={`option-${i}`}
                    name={`optionText:${o.id}`}
                    defaultValue={value(`optionText:${o.id}`, o.text)}
                    aria-invalid={errors.options ? true : undefined}
                    className={input}
                  />
                </div>
              );
            })}
          </Group>
        </>
      )}

      <div className="space-y-1">
        <label htmlFor="field-explanation" className="block text-sm font-medium text-stone-800">
          {generatedExplanation ? "Explanation" : "Explanation (optional)"}
        </label>
        <p id="field-explanation-hint" className="text-xs text-stone-600">
          Students see it with their results.
          {generatedExplanation &&
            " If you change the answer, say why the new answer is right. Clear it to go back to the generated explanation."}
        </p>
        <textarea
          id="field-explanation"
          name="explanation"
          rows={3}
          defaultValue={value("explanation", question?.explanation ?? "")}
          aria-invalid={errors.explanation ? true : undefined}
          aria-describedby="field-explanation-hint field-explanation-error"
          className={input}
        />
        <FieldErrors id="field-explanation-error" errors={errors.explanation} />
      </div>

      <p className="text-sm text-stone-700">
        Changes apply to the next assignment of this article. Assignments already made keep the version they
        were given.
      </p>
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Saving…" : newType ? "Add question" : "Save question"}
        </button>
        <Link href={`/teacher/articles/${encodeURIComponent(slug)}`} className="text-brand-700 underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
