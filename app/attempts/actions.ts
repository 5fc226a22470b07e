"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { isDatabaseUnavailable } from "@/db/client";
import { getAttemptQuestions, saveAnswers, startAttempt, submitAttempt } from "@/lib/attempts/attempts";
import { responseFromForm, sanitizeResponse } from "@/lib/attempts/questions";
import { logError } from "@/lib/log";

const startSchema = z.object({
  articleId: z.uuid(),
  slug: z.string().max(200),
  mode: z.enum(["take", "fresh", "practice"]),
});

export async function startAttemptAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = startSchema.safeParse({
    articleId: form.get("articleId"),
    slug: form.get("slug"),
    mode: form.get("mode"),
  });
  if (!parsed.success) redirect("/");
  const result = await startAttempt({ db: await getDb(), userId: user.id, ...parsed.data });
  if ("error" in result) {
    redirect(`/articles/${encodeURIComponent(parsed.data.slug)}?quiz=${result.error}`);
  }
  revalidatePath(`/articles/${parsed.data.slug}`);
  redirect(`/attempts/${result.attemptId}`);
}

export type AutosaveResult = { status: "saved" | "error" | "ended"; message?: string };

/** Autosave of one answer (JavaScript only); the same checks as the form post. */
export async function autosaveAnswerAction(
  attemptId: string,
  questionId: string,
  response: unknown,
): Promise<AutosaveResult> {
  const user = await requireUser();
  if (typeof attemptId !== "string" || typeof questionId !== "string")
    return { status: "error", message: "Bad request." };
  const db = await getDb();
  const attempt = await getAttemptQuestions({ db, userId: user.id, attemptId });
  const question = attempt?.questions.find((q) => q.id === questionId);
  if (!attempt || !question) return { status: "error", message: "This quiz was not found." };
  const result = await saveAnswers({
    db,
    userId: user.id,
    attemptId,
    answers: [{ questionId, response: sanitizeResponse(question, response) }],
  });
  if (result.ok) return { status: "saved" };
  if (result.reason === "time-up")
    return { status: "ended", message: "Time is up. Your saved answers have been graded." };
  if (result.reason === "closed")
    return {
      status: "ended",
      message: "Your teacher closed this assignment. Your saved answers have been graded.",
    };
  if (result.reason === "submitted") return { status: "ended", message: "This quiz is already submitted." };
  return { status: "error", message: "This quiz was not found." };
}

/**
 * The quiz form's post, with or without JavaScript: saves every answer, then
 * either goes back to the quiz ("Save answers"), asks about unanswered
 * questions, or grades ("Submit answers").
 *
 * When the database cannot be reached (a restart, a failover) the post goes to
 * a page that answers 503 and asks the student to submit again: Next would
 * otherwise answer a form posted without JavaScript with a bare "Internal
 * Server Error". Submitting again is safe: an attempt is graded once, under a
 * row lock, and a second submit of a graded attempt only shows its results.
 */
export async function submitQuizFormAction(
  intent: "save" | "submit" | "submit-anyway",
  form: FormData,
): Promise<void> {
  const attemptId = String(form.get("attemptId") ?? "");
  try {
    await saveOrSubmitQuizForm(intent, attemptId, form);
  } catch (e) {
    unstable_rethrow(e); // redirect() and notFound() are answers, not failures
    if (!isDatabaseUnavailable(e)) throw e;
    logError("attempts", `quiz form (${intent}) not taken, the database is unreachable`, e);
  }
  // Reached only when the database was unreachable: every other path redirects or throws.
  redirect(`/attempts/${encodeURIComponent(attemptId)}/unavailable`);
}

async function saveOrSubmitQuizForm(
  intent: "save" | "submit" | "submit-anyway",
  attemptId: string,
  form: FormData,
): Promise<never> {
  const user = await requireUser();
  const db = await getDb();
  const attempt = await getAttemptQuestions({ db, userId: user.id, attemptId });
  if (!attempt) notFound();
  if (attempt.status === "submitted") redirect(`/attempts/${attemptId}`);

  const answers = attempt.questions.map((q) => ({ questionId: q.id, response: responseFromForm(q, form) }));
  const unanswered = answers.filter((a) => a.response === null).length;
  const submitting = intent === "submit-anyway" || (intent === "submit" && unanswered === 0);
  if (!submitting) {
    const saved = await saveAnswers({ db, userId: user.id, attemptId, answers });
    if (!saved.ok) redirect(`/attempts/${attemptId}`);
    if (intent === "submit") redirect(`/attempts/${attemptId}?confirm=1#confirm-submit`);
    redirect(`/attempts/${attemptId}?saved=1`);
  }

  // Saving and grading in one transaction: a classroom submitting at once costs one lock each.
  const result = await submitAttempt({ db, userId: user.id, attemptId, answers });
  if (!result.ok) redirect(`/attempts/${attemptId}`);
  revalidatePath("/progress");
  redirect(`/attempts/${attemptId}?submitted=1#results`);
}
