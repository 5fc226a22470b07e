"use server";

import { revalidatePath } from "next/cache";
import { forbidden, notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getSessionUser, type SessionUser } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { fieldErrorsFrom, formStrings, storableText, type ActionResult } from "@/lib/action-result";
import { getArticleBySlug } from "@/lib/articles/queries";
import { logError } from "@/lib/log";
import { customMetaSchema, draftFromForm, formValues, questionDraftSchema } from "@/lib/reviews/drafts";
import {
  addCustomQuestion,
  articleDetailsSchema,
  deleteCustomQuestion,
  resetQuestion,
  saveQuestionEdit,
  setQuestionIncluded,
  updateArticleDetails,
} from "@/lib/reviews/reviews";

/**
 * The question review's actions. Each one: the session, then the input
 * (zod), then the role; the domain function checks that this teacher may see
 * (or own) the article in its where clause; then revalidate and redirect.
 */

const pageOf = (slug: string) => `/teacher/articles/${encodeURIComponent(slug)}`;
const CORRECT_FIELDS = "Please correct the highlighted fields.";

async function signedIn(slug: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(pageOf(slug))}`);
  return user;
}

function teacherOnly(user: SessionUser) {
  if (user.role !== "teacher") forbidden();
}

/** The article by slug as this teacher sees it; someone else's is not found. */
async function articleFor(slug: string, teacherId: string) {
  const article = await getArticleBySlug({ db: await getDb(), slug, viewerId: teacherId });
  if (!article) notFound();
  return article;
}

const slugSchema = z.string().min(1).max(200);
const questionRef = z.object({ slug: slugSchema, questionId: z.string().min(1).max(100) });

function rawSlug(form: FormData): string {
  const v = form.get("slug");
  return typeof v === "string" ? storableText(v).slice(0, 200) : "";
}

function done(slug: string, notice: string, questionId?: string): never {
  revalidatePath(pageOf(slug));
  // `q` takes the review to the page of a long bank that holds the question.
  const q = questionId ? `&q=${encodeURIComponent(questionId)}#q-${encodeURIComponent(questionId)}` : "";
  redirect(`${pageOf(slug)}?notice=${notice}${q}`);
}

export async function setIncludedAction(form: FormData): Promise<void> {
  const user = await signedIn(rawSlug(form));
  const parsed = questionRef
    .extend({ included: z.enum(["true", "false"]) })
    .safeParse(formStrings(form, ["slug", "questionId", "included"] as const));
  if (!parsed.success) notFound();
  teacherOnly(user);
  const { slug, questionId } = parsed.data;
  const included = parsed.data.included === "true";
  const article = await articleFor(slug, user.id);
  const ok = await setQuestionIncluded({
    db: await getDb(),
    teacherId: user.id,
    articleId: article.id,
    questionId,
    included,
  });
  if (!ok) notFound();
  done(slug, included ? "on" : "off", questionId);
}

export async function resetQuestionAction(form: FormData): Promise<void> {
  const user = await signedIn(rawSlug(form));
  const parsed = questionRef.safeParse(formStrings(form, ["slug", "questionId"] as const));
  if (!parsed.success) notFound();
  teacherOnly(user);
  const { slug, questionId } = parsed.data;
  const article = await articleFor(slug, user.id);
  // Already generated (a second click) is no error: the page shows the generated question.
  await resetQuestion({ db: await getDb(), teacherId: user.id, articleId: article.id, questionId });
  done(slug, "reset", questionId);
}

export async function deleteCustomQuestionAction(form: FormData): Promise<void> {
  const user = await signedIn(rawSlug(form));
  const parsed = questionRef.safeParse(formStrings(form, ["slug", "questionId"] as const));
  if (!parsed.success) notFound();
  teacherOnly(user);
  const { slug, questionId } = parsed.data;
  const article = await articleFor(slug, user.id);
  const ok = await deleteCustomQuestion({
    db: await getDb(),
    teacherId: user.id,
    articleId: article.id,
    questionId,
  });
  if (!ok) notFound();
  done(slug, "deleted");
}

export async function saveQuestionAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await signedIn(rawSlug(form));
  const values = formValues(form);
  const ref = questionRef.safeParse(formStrings(form, ["slug", "questionId"] as const));
  if (!ref.success) notFound();
  const draft = questionDraftSchema.safeParse(draftFromForm(form));
  if (!draft.success)
    return {
      status: "error",
      message: CORRECT_FIELDS,
      fieldErrors: fieldErrorsFrom(draft.error.issues),
      values,
    };
  teacherOnly(user);
  const { slug, questionId } = ref.data;
  const article = await articleFor(slug, user.id);
  let result: Awaited<ReturnType<typeof saveQuestionEdit>>;
  try {
    result = await saveQuestionEdit({
      db: await getDb(),
      teacherId: user.id,
      articleId: article.id,
      questionId,
      draft: draftFromForm(form),
    });
  } catch (e) {
    logError("reviews", "saving a question edit failed", e);
    return { status: "error", message: "The question could not be saved. Please try again.", values };
  }
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok)
    return { status: "error", message: CORRECT_FIELDS, fieldErrors: result.fieldErrors, values };
  done(slug, "saved", result.questionId);
}

export async function addCustomQuestionAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const user = await signedIn(rawSlug(form));
  const values = formValues(form);
  const slug = slugSchema.safeParse(rawSlug(form));
  if (!slug.success) notFound();
  const meta = customMetaSchema.safeParse(formStrings(form, ["type", "skill"] as const));
  const draft = questionDraftSchema.safeParse(draftFromForm(form));
  if (!meta.success || !draft.success)
    return {
      status: "error",
      message: CORRECT_FIELDS,
      fieldErrors: fieldErrorsFrom([...(meta.error?.issues ?? []), ...(draft.error?.issues ?? [])]),
      values,
    };
  teacherOnly(user);
  const article = await articleFor(slug.data, user.id);
  let result: Awaited<ReturnType<typeof addCustomQuestion>>;
  try {
    result = await addCustomQuestion({
      db: await getDb(),
      teacherId: user.id,
      articleId: article.id,
      ...meta.data,
      draft: draftFromForm(form),
    });
  } catch (e) {
    logError("reviews", "adding a question failed", e);
    return { status: "error", message: "The question could not be added. Please try again.", values };
  }
  if (!result.ok && result.error === "not-found") notFound();
  if (!result.ok)
    return { status: "error", message: CORRECT_FIELDS, fieldErrors: result.fieldErrors, values };
  done(slug.data, "added", result.questionId);
}

type DetailsField = "title" | "source" | "publishedOn";

export async function updateArticleDetailsAction(
  _prev: ActionResult<DetailsField>,
  form: FormData,
): Promise<ActionResult<DetailsField>> {
  const user = await signedIn(rawSlug(form));
  const fields = formStrings(form, ["slug", "title", "source", "publishedOn"] as const);
  const values = { title: fields.title, source: fields.source, publishedOn: fields.publishedOn };
  const slug = slugSchema.safeParse(fields.slug);
  if (!slug.success) notFound();
  const parsed = articleDetailsSchema.safeParse(values);
  if (!parsed.success)
    return {
      status: "error",
      message: CORRECT_FIELDS,
      fieldErrors: fieldErrorsFrom<DetailsField>(parsed.error.issues),
      values,
    };
  teacherOnly(user);
  const article = await articleFor(slug.data, user.id);
  const result = await updateArticleDetails({
    db: await getDb(),
    teacherId: user.id,
    articleId: article.id,
    ...parsed.data,
  });
  if (!result.ok && result.error === "not-found")
    return {
      status: "error",
      message: "Only the teacher who added this article can change its details.",
      values,
    };
  if (!result.ok)
    return { status: "error", message: CORRECT_FIELDS, fieldErrors: result.fieldErrors, values };
  revalidatePath("/teacher");
  revalidatePath(`/articles/${encodeURIComponent(slug.data)}`);
  done(slug.data, "details");
}
