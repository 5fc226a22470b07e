"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRole } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { fieldErrorsFrom, formStrings, type ActionResult } from "@/lib/action-result";
import { addTeacherArticle, newArticleSchema } from "@/lib/articles/queries";
import { logError } from "@/lib/log";

type Field = "title" | "source" | "publishedOn" | "text";
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

export async function addArticleAction(
  _prev: ActionResult<Field>,
  form: FormData,
): Promise<ActionResult<Field>> {
  const teacher = await requireRole("teacher");
  const fields = formStrings(form, ["title", "source", "publishedOn", "text"] as const);
  // Pasted text is given back on error; an uploaded file cannot be, so we say so.
  const values = {
    title: fields.title,
    source: fields.source,
    publishedOn: fields.publishedOn,
    text: fields.text.slice(0, 300_000),
  };
  const file = form.get("file");
  let text = fields.text;
  if (file instanceof File && file.size > 0) {
    if (!/\.(txt|html?)$/i.test(file.name)) {
      return {
        status: "error",
        message: "Please correct the highlighted fields.",
        fieldErrors: { text: ["Upload a .txt or .html file."] },
        values,
      };
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      return {
        status: "error",
        message: "Please correct the highlighted fields.",
        fieldErrors: { text: ["That file is larger than 2 MB."] },
        values,
      };
    }
    text = await file.text();
  }
  const parsed = newArticleSchema.safeParse({ ...fields, text });
  if (!parsed.success) {
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: fieldErrorsFrom<Field>(parsed.error.issues),
      values,
    };
  }
  if (!parsed.data.text.trim()) {
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: { text: ["Paste the article, or choose a file."] },
      values,
    };
  }
  let result: Awaited<ReturnType<typeof addTeacherArticle>>;
  try {
    result = await addTeacherArticle({ db: await getDb(), ownerId: teacher.id, ...parsed.data });
  } catch (e) {
    logError("articles", "adding an article failed", e);
    return { status: "error", message: "The article could not be saved. Please try again.", values };
  }
  if (!result.ok)
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: result.fieldErrors,
      values,
    };
  revalidatePath("/teacher");
  redirect(`/teacher/articles/${result.slug}`);
}
