"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  autosaveAnswerAction,
  saveQuizAction,
  submitQuizAction,
  submitQuizAnywayAction,
} from "@/app/attempts/actions";
import { idleResult } from "@/lib/action-result";
import {
  answerFields,
  fieldName,
  MAX_TEXT_ANSWER,
  responseFromForm,
  type PublicQuestion,
} from "@/lib/attempts/answer-form";
import type { Response } from "@/lib/quiz/types";

type Props = {
  attemptId: string;
  questions: PublicQuestion[];
  saved: Record<string, Response>;
  confirmUnanswered: boolean;
  /** ISO instant the server closes a timed attempt at; absent for an untimed one. */
  deadline?: string;
};

/** Refusals that mean the attempt is over: the page is reloaded to show why. */
const ENDED = new Set(["time-up", "closed", "submitted"]);

type SaveState = "idle" | "saving" | "saved" | "retrying" | "failed" | "ended";

function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/**
 * Time left on a timed attempt. The server clock is the judge; this only
 * shows it, and reloads once the limit (plus the server's grace) has passed so
 * the graded attempt appears.
 */
function Countdown({ deadline, onEnd }: { deadline: string; onEnd: () => void }) {
  const end = new Date(deadline).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t > end + 6_000) {
        clearInterval(id);
        onEnd();
      }
    }, 1000);
    return () => clearInterval(id);
  }, [end, onEnd]);
  const left = end - now;
  return (
    <span className={left < 60_000 ? "font-semibold text-red-800" : "font-medium"}>
      Time left: <span suppressHydrationWarning>{formatRemaining(left)}</span>
      {left <= 0 && " — time is up, grading your saved answers…"}
    </span>
  );
}

/**
 * The quiz is a plain form that posts to a server action, so it works without
 * JavaScript. With JavaScript each answer is also saved as it is given (with
 * retries when the connection drops) and the progress bar follows along.
 * Answers are read and sent with the server's own encoding (answer-form.ts).
 */

export function QuizForm({ attemptId, questions, saved, confirmUnanswered, deadline }: Props) {
  const router = useRouter();
  const [endedMessage, setEndedMessage] = useState<string | null>(null);
  const refresh = useCallback(() => router.refresh(), [router]);
  const formRef = useRef<HTMLFormElement>(null);
  const [answered, setAnswered] = useState(() => new Set(Object.keys(saved)));
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const save = useCallback(
    async (q: PublicQuestion): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        const form = formRef.current;
        if (!form) return;
        setSaveState(attempt === 0 ? "saving" : "retrying");
        try {
          // Read the form on every try: a retry sends the latest answer, not a stale one.
          const post = new FormData();
          post.set("attemptId", attemptId);
          post.set("questionId", q.id);
          for (const [name, value] of answerFields(q, new FormData(form))) post.append(name, value);
          const result = await autosaveAnswerAction(idleResult, post);
          if (result.status === "error" && ENDED.has(result.reason ?? "")) {
            // The server closed the attempt (time limit or teacher): show why, then the results.
            setSaveState("ended");
            setEndedMessage(result.message ?? "This quiz has ended.");
            setTimeout(() => router.refresh(), 1500);
            return;
          }
          // The database did not answer: the same as a dropped connection, try again.
          if (result.reason === "unavailable") throw new Error("unavailable");
          setSaveState(result.status === "success" ? "saved" : "failed");
          return;
        } catch {
          // Offline or the server is restarting: keep trying, the answer is still in the form.
          if (attempt >= 6) {
            setSaveState("failed");
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** attempt, 15_000)));
        }
      }
    },
    [attemptId, router],
  );

  function onChange(q: PublicQuestion) {
    const form = formRef.current;
    if (!form) return;
    const r = responseFromForm(q, new FormData(form));
    setAnswered((prev) => {
      const next = new Set(prev);
      if (r) next.add(q.id);
      else next.delete(q.id);
      return next;
    });
    const t = timers.current.get(q.id);
    if (t) clearTimeout(t);
    timers.current.set(
      q.id,
      setTimeout(() => void save(q), q.inputType === "text" ? 600 : 150),
    );
  }

  useEffect(() => {
    const map = timers.current;
    return () => map.forEach((t) => clearTimeout(t));
  }, []);

  const unanswered = questions.filter((q) => !answered.has(q.id));
  const done = questions.length - unanswered.length;

  return (
    <form
      ref={formRef}
      action={saveQuizAction}
      className="space-y-6"
      data-attempt={attemptId}
      onSubmit={() => timers.current.forEach((t) => clearTimeout(t))}
    >
      <input type="hidden" name="attemptId" value={attemptId} />
      <div className="sticky top-0 z-10 -mx-4 border-b border-stone-200 bg-stone-50/95 px-4 py-3 backdrop-blur">
        <div className="flex items-center justify-between text-sm">
          <span id="progress-label">
            {done} of {questions.length} answered
          </span>
          <span aria-live="polite" className="text-stone-600">
            {saveState === "saving" && "Saving…"}
            {saveState === "saved" && "All answers saved"}
            {saveState === "retrying" && "Connection lost — retrying…"}
            {saveState === "failed" && "Not saved. Use “Save answers” below."}
            {saveState === "ended" && endedMessage}
          </span>
        </div>
        {deadline && (
          <p className="mt-1 text-sm" role="timer" aria-live="off">
            <Countdown deadline={deadline} onEnd={refresh} />
          </p>
        )}
        <progress
          className="mt-2 h-2 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-stone-200 [&::-webkit-progress-value]:bg-brand-700"
          max={questions.length}
          value={done}
          aria-labelledby="progress-label"
        />
      </div>

      {questions.map((q, index) => (
        <fieldset
          key={q.id}
          id={`question-${q.id}`}
          // Scrolled to from the unanswered list: the margin keeps the prompt below the sticky progress bar.
          className="scroll-mt-36 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5"
          onChange={() => onChange(q)}
        >
          <legend className="float-left w-full px-1 font-medium text-stone-900">
            <span className="mr-2 text-stone-500">{index + 1}.</span>
            {q.prompt}
          </legend>
          <QuestionInputs question={q} saved={saved[q.id]} />
        </fieldset>
      ))}

      {confirmUnanswered && unanswered.length > 0 && (
        <div
          id="confirm-submit"
          role="alert"
          tabIndex={-1}
          className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p className="font-medium">
            {unanswered.length} question{unanswered.length === 1 ? " is" : "s are"} still unanswered:
          </p>
          <ul className="mt-2 list-disc pl-5">
            {unanswered.map((q) => (
              <li key={q.id}>
                <a href={`#question-${q.id}`} className="underline">
                  Question {questions.indexOf(q) + 1}
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-2">Answer them, or submit anyway: unanswered questions score zero.</p>
        </div>
      )}

      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          formAction={confirmUnanswered ? submitQuizAnywayAction : submitQuizAction}
          className="rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800"
        >
          {confirmUnanswered && unanswered.length > 0 ? "Submit anyway" : "Submit answers"}
        </button>
        <button
          type="submit"
          formAction={saveQuizAction}
          className="rounded-md border border-stone-300 bg-white px-5 py-2.5 font-medium text-stone-800 hover:bg-stone-100"
        >
          Save answers
        </button>
      </div>
    </form>
  );
}

/** One question's inputs, named by the shared contract (lib/attempts/answer-form.ts). */
export function QuestionInputs({ question: q, saved }: { question: PublicQuestion; saved?: Response }) {
  const name = fieldName(q.id);
  if (q.inputType === "text") {
    return (
      <div className="clear-both pt-3">
        <label htmlFor={name} className="text-sm text-stone-700">
          Your answer
        </label>
        <input
          id={name}
          name={name}
          type="text"
          maxLength={MAX_TEXT_ANSWER}
          autoComplete="off"
          defaultValue={saved && "text" in saved ? saved.text : ""}
          className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2"
        />
      </div>
    );
  }
  if (q.inputType === "match") {
    const chosen = new Map(saved && "pairs" in saved ? saved.pairs.map((p) => [p.itemId, p.optionId]) : []);
    return (
      <div className="clear-both pt-3 space-y-3">
        {(q.items ?? []).map((item) => (
          <div key={item.id} className="grid gap-1 sm:grid-cols-[12rem_1fr] sm:items-center">
            <label htmlFor={fieldName(q.id, item.id)} className="font-medium text-stone-800">
              {item.text}
            </label>
            <select
              id={fieldName(q.id, item.id)}
              name={fieldName(q.id, item.id)}
              defaultValue={chosen.get(item.id) ?? ""}
              className="rounded-md border border-stone-300 bg-white px-3 py-2"
            >
              <option value="">Choose a role…</option>
              {q.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.text}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    );
  }
  const multi = q.inputType === "multi";
  const picked = new Set(
    saved ? ("optionId" in saved ? [saved.optionId] : "optionIds" in saved ? saved.optionIds : []) : [],
  );
  return (
    <div className="clear-both pt-3 space-y-2">
      {multi && <p className="text-sm text-stone-600">Select all that apply.</p>}
      {q.options.map((o) => (
        <label
          key={o.id}
          className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-200 px-3 py-2 hover:bg-stone-50 has-checked:border-brand-600 has-checked:bg-brand-50"
        >
          <input
            type={multi ? "checkbox" : "radio"}
            name={name}
            value={o.id}
            defaultChecked={picked.has(o.id)}
            className="mt-1"
          />
          <span>{o.text}</span>
        </label>
      ))}
    </div>
  );
}
