"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { buttonAction, fail, formAction, goTo, invalid, type FormFields } from "@/app/_lib/action";
import type { Db } from "@/db/client";
import { getArticleBySlug } from "@/lib/articles/queries";
import { withNotice, type NoticeKey } from "@/lib/notices";
import { customMetaSchema, draftFromForm, questionDraftSchema } from "@/lib/reviews/drafts";
import {
  addCustomQuestion,
  articleDetailsSchema,
  deleteCustomQuestion,
  resetQuestion,
  saveQuestionEdit,
  setQuestionIncluded,
  updateArticleDetails,
} from "@/lib/reviews/queries";

/**
 * The question review's actions. The article is named by its slug; the
 * domain functions check in their where clause that this teacher may see (or
 * owns) it, so another teacher's article is simply not found.
 */

const pageOf = (slug: unknown) => `/teacher/articles/${encodeURIComponent(String(slug ?? ""))}`;
const reviewPage = (fields: FormFields) => pageOf(fields.slug);

const slug = z.string().min(1).max(200);
const questionRef = z.object({ slug, questionId: z.string().min(1).max(100) });
/** A question form's fields: the reference, and the draft read from its repeated option fields. */
const readDraft = (form: FormData, fields: FormFields) => ({ ...fields, ...draftFromForm(form) });

/** The article by slug as this teacher sees it; someone else's is not found. */
async function articleFor(db: Db, slug: string, teacherId: string) {
  const article = await getArticleBySlug({ db, slug, viewerId: teacherId });
  if (!article) notFound();
  return article;
}

// `q` takes the review to the page of a long bank that holds the question.
const backTo = (slug: string, notice: NoticeKey, questionId?: string) =>
  goTo(
    withNotice(
      questionId ? `${pageOf(slug)}?q=${encodeURIComponent(questionId)}` : pageOf(slug),
      notice,
      questionId ? `q-${questionId}` : undefined,
    ),
    {
      revalidate: [pageOf(slug)],
    },
  );

export const setIncludedAction = buttonAction({
  name: "setIncluded",
  access: "teacher",
  page: reviewPage,
  schema: questionRef.extend({ included: z.enum(["true", "false"]).transform((v) => v === "true") }),
  run: async ({ user, input, db }) => {
    const article = await articleFor(db, input.slug, user.id);
    const result = await setQuestionIncluded({ db, teacherId: user.id, articleId: article.id, ...input });
    if (!result.ok) notFound();
    return backTo(input.slug, input.included ? "question-on" : "question-off", input.questionId);
  },
});

export const resetQuestionAction = buttonAction({
  name: "resetQuestion",
  access: "teacher",
  page: reviewPage,
  schema: questionRef,
  run: async ({ user, input, db }) => {
    const article = await articleFor(db, input.slug, user.id);
    // Already generated (a second click) is no error: the page shows the generated question.
    await resetQuestion({ db, teacherId: user.id, articleId: article.id, questionId: input.questionId });
    return backTo(input.slug, "question-reset", input.questionId);
  },
});

export const deleteCustomQuestionAction = buttonAction({
  name: "deleteCustomQuestion",
  access: "teacher",
  page: reviewPage,
  schema: questionRef,
  run: async ({ user, input, db }) => {
    const article = await articleFor(db, input.slug, user.id);
    const result = await deleteCustomQuestion({
      db,
      teacherId: user.id,
      articleId: article.id,
      questionId: input.questionId,
    });
    if (!result.ok) notFound();
    return backTo(input.slug, "question-deleted");
  },
});

export const saveQuestionAction = formAction({
  name: "saveQuestion",
  access: "teacher",
  page: reviewPage,
  schema: questionRef.extend(questionDraftSchema.shape),
  read: readDraft,
  run: async ({ user, input, db }) => {
    const { slug, questionId, ...draft } = input;
    const article = await articleFor(db, slug, user.id);
    const result = await saveQuestionEdit({
      db,
      teacherId: user.id,
      articleId: article.id,
      questionId,
      draft,
    });
    if (!result.ok && result.reason === "not-found") notFound();
    if (!result.ok) return invalid(result.fieldErrors, result.reason);
    return backTo(slug, "question-saved", result.questionId);
  },
});

export const addCustomQuestionAction = formAction({
  name: "addCustomQuestion",
  access: "teacher",
  page: reviewPage,
  schema: z.object({ slug }).extend(customMetaSchema.shape).extend(questionDraftSchema.shape),
  read: readDraft,
  run: async ({ user, input, db }) => {
    const { slug, type, skill, ...draft } = input;
    const article = await articleFor(db, slug, user.id);
    const result = await addCustomQuestion({
      db,
      teacherId: user.id,
      articleId: article.id,
      type,
      skill,
      draft,
    });
    if (!result.ok && result.reason === "not-found") notFound();
    if (!result.ok) return invalid(result.fieldErrors, result.reason);
    return backTo(slug, "question-added", result.questionId);
  },
});

export const updateArticleDetailsAction = formAction({
  name: "updateArticleDetails",
  access: "teacher",
  page: reviewPage,
  schema: z.object({ slug }).extend(articleDetailsSchema.shape),
  run: async ({ user, input, db }) => {
    const { slug, ...details } = input;
    const article = await articleFor(db, slug, user.id);
    const result = await updateArticleDetails({ db, teacherId: user.id, articleId: article.id, details });
    if (!result.ok)
      return fail("Only the teacher who added this article can change its details.", {
        reason: result.reason,
      });
    return goTo(withNotice(pageOf(slug), "details-saved"), {
      revalidate: [pageOf(slug), "/teacher", `/articles/${encodeURIComponent(slug)}`],
    });
  },
});
