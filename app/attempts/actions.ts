"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { buttonAction, fail, formAction, goTo, stay } from "@/app/_lib/action";
import { disguiseFor } from "@/lib/attempts/opaque-ids";
import { saveAnswers, submitAttempt } from "@/lib/attempts/grading";
import { startAttempt } from "@/lib/attempts/start";
import { getAttemptQuestions } from "@/lib/attempts/views";
import { withNotice } from "@/lib/notices";

const articlePage = (slug: unknown) => `/articles/${encodeURIComponent(String(slug ?? ""))}`;
const attemptPage = (id: unknown) => `/attempts/${encodeURIComponent(String(id ?? ""))}`;

export const startAttemptAction = buttonAction({
  name: "startAttempt",
  access: "signed-in",
  page: (fields) => articlePage(fields.slug),
  schema: z.object({
    articleId: z.uuid(),
    slug: z.string().max(200),
    mode: z.enum(["take", "fresh", "practice"]),
  }),
  run: async ({ user, input, db }) => {
    const result = await startAttempt({ db, userId: user.id, articleId: input.articleId, mode: input.mode });
    if (!result.ok) {
      if (result.reason === "not-found") notFound();
      const notice = result.reason === "graded-open" ? "self-study-locked" : "no-practice-questions";
      return goTo(withNotice(articlePage(input.slug), notice, "quiz-heading"));
    }
    return goTo(attemptPage(result.attemptId), { revalidate: [articlePage(input.slug)] });
  },
});

const ENDED: Record<string, string> = {
  "time-up": "Time is up. Your saved answers have been graded.",
  closed: "Your teacher closed this assignment. Your saved answers have been graded.",
  submitted: "This quiz is already submitted.",
  "graded-open": "Practice on this article is closed while your assignment on it is open.",
};

/**
 * Autosave of one answer (JavaScript only): the question's own fields, posted
 * as the whole form posts them, with the same checks as the form post. A
 * `reason` of time-up, closed or submitted means the attempt has ended.
 */
export const autosaveAnswerAction = formAction({
  name: "autosaveAnswer",
  access: "signed-in",
  schema: z.object({ attemptId: z.uuid(), questionId: z.string().min(1).max(200) }),
  run: async ({ user, input, db, form }) => {
    const attempt = await getAttemptQuestions({ db, userId: user.id, attemptId: input.attemptId });
    const disguise = attempt && disguiseFor(attempt, attempt.questions);
    const question = disguise?.find(input.questionId);
    if (!disguise || !question) return fail("This quiz was not found.", { reason: "not-found" });
    const result = await saveAnswers({
      db,
      userId: user.id,
      attemptId: input.attemptId,
      answers: [{ questionId: question.id, response: disguise.read(question, form) }],
    });
    if (result.ok) return stay("Saved.");
    return fail(ENDED[result.reason] ?? "This quiz was not found.", { reason: result.reason });
  },
});

/**
 * The quiz form's posts, with or without JavaScript: each saves every answer,
 * then goes back to the quiz ("Save answers"), asks about unanswered
 * questions, or grades ("Submit answers", "Submit anyway"). One action per
 * button, since a button that posts to a server action carries the action's
 * id in its name and so cannot carry an intent of its own.
 *
 * When the database cannot be reached (a restart, a failover) the post goes to
 * a page that answers 503 and asks the student to submit again: the results
 * page could not be shown either. Submitting again is safe: an attempt is
 * graded once, under a row lock, and a second submit only shows its results.
 */
function quizFormAction(intent: "save" | "submit" | "submit-anyway") {
  return buttonAction({
    name: `quizForm ${intent}`,
    access: "signed-in",
    page: (fields) => attemptPage(fields.attemptId),
    unavailable: (fields) => `${attemptPage(fields.attemptId)}/unavailable`,
    schema: z.object({ attemptId: z.uuid() }),
    run: async ({ user, input, db, form }) => {
      const { attemptId } = input;
      const page = attemptPage(attemptId);
      const attempt = await getAttemptQuestions({ db, userId: user.id, attemptId });
      if (!attempt) notFound();
      if (attempt.status === "submitted") return goTo(page);
      const disguise = disguiseFor(attempt, attempt.questions);
      const answers = attempt.questions.map((q) => ({ questionId: q.id, response: disguise.read(q, form) }));
      const unanswered = answers.filter((a) => a.response === null).length;
      if (intent === "save" || (intent === "submit" && unanswered > 0)) {
        const saved = await saveAnswers({ db, userId: user.id, attemptId, answers });
        if (!saved.ok) return goTo(page);
        return goTo(
          intent === "save" ? withNotice(page, "answers-saved") : `${page}?confirm=1#confirm-submit`,
        );
      }
      // Saving and grading in one transaction: a classroom submitting at once costs one lock each.
      const result = await submitAttempt({ db, userId: user.id, attemptId, answers });
      if (!result.ok) return goTo(page);
      return goTo(`${page}?submitted=1#results`, { revalidate: ["/progress"] });
    },
  });
}

export const saveQuizAction = quizFormAction("save");
export const submitQuizAction = quizFormAction("submit");
export const submitQuizAnywayAction = quizFormAction("submit-anyway");
