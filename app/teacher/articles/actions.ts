"use server";

import { z } from "zod";
import { formAction, goTo, invalid } from "@/app/_lib/action";
import { ARTICLE_HINTS } from "@/lib/articles/hints";
import { addTeacherArticle, newArticleSchema } from "@/lib/articles/queries";

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/**
 * PDFs are not read here. pdfjs-dist could read one offline, in time, but its
 * text comes as lines without paragraphs, hyphenated and mixed with page
 * furniture, which the analyser would turn into poor questions; a copy from
 * the PDF viewer is the teacher's own selection of the article. A PDF is
 * known by its name, its type, or its first bytes (a PDF renamed to .txt too).
 */
async function isPdf(file: File): Promise<boolean> {
  if (/\.pdf$/i.test(file.name) || file.type === "application/pdf") return true;
  return (await file.slice(0, 5).text()) === "%PDF-";
}

export const addArticleAction = formAction({
  name: "addArticle",
  access: "teacher",
  page: "/teacher/articles/new",
  // Pasted text comes back on error (the wrapper gives back every text field); an uploaded file cannot.
  // A browser sends an empty file when none was chosen; anything but a file is no file.
  schema: newArticleSchema.extend({ file: z.instanceof(File).optional().catch(undefined) }),
  run: async ({ user, input, db }) => {
    const { file, ...fields } = input;
    let text = fields.text;
    if (file && file.size > 0) {
      if (await isPdf(file)) return invalid({ text: [ARTICLE_HINTS.pdfRefused] }, "pdf");
      if (!/\.(txt|html?)$/i.test(file.name)) return invalid({ text: ["Upload a .txt or .html file."] });
      if (file.size > MAX_UPLOAD_BYTES) return invalid({ text: ["That file is larger than 2 MB."] });
      text = await file.text();
    }
    if (!text.trim()) return invalid({ text: ["Paste the article, or choose a file."] });
    const result = await addTeacherArticle({ db, ownerId: user.id, ...fields, text });
    if (!result.ok) return invalid(result.fieldErrors, result.reason);
    return goTo(`/teacher/articles/${result.slug}`, { revalidate: ["/teacher"] });
  },
});
