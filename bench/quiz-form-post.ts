/**
 * The quiz form's "Submit answers" as a browser without JavaScript posts it,
 * read from a rendered quiz page. Shared by `npm run bench` and the fault
 * tests (tests/e2e/faults.spec.ts), which both post it for many students.
 */
import crypto from "node:crypto";
import type { Student } from "./server-db";

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export type FormEntry = [string, string] | "attemptId" | "answers";

/**
 * What a browser without JavaScript posts when "Submit answers" is pressed,
 * read from a rendered quiz page: every hidden field in document order (React
 * puts each button's bound action in $ACTION_* fields, some inside the button
 * itself), the submitter's name at its place, and none of the other buttons'.
 * React's decodeAction takes the last $ACTION_REF_ or $ACTION_ID_ it sees,
 * which is the submitter's. The student's own attempt id and answers fill the placeholders.
 */
export function formTemplate(html: string): FormEntry[] {
  const form = html.match(/<form[^>]*data-attempt="[^"]*"[^>]*>([\s\S]*?)<\/form>/)?.[1];
  if (!form) throw new Error("no quiz form in the attempt page");
  const entries: FormEntry[] = [];
  let submitter = false;
  for (const m of form.matchAll(/<(input|button|fieldset)([^>]*)>/g)) {
    const [, tag, attrs = ""] = m;
    const name = decodeEntities(attrs.match(/ name="([^"]*)"/)?.[1] ?? "");
    const value = decodeEntities(attrs.match(/ value="([^"]*)"/)?.[1] ?? "");
    if (tag === "fieldset") {
      if (!entries.includes("answers")) entries.push("answers");
    } else if (tag === "button") {
      // A button bound to arguments is named $ACTION_REF_n; one posting a plain action, $ACTION_ID_<id>.
      if (/^\$ACTION_(REF|ID)_/.test(name) && isSubmitButton(form, m.index!)) {
        entries.push([name, ""]);
        submitter = true;
      }
    } else if (/type="hidden"/.test(attrs)) {
      entries.push(name === "attemptId" ? "attemptId" : [name, value]);
    }
  }
  if (!submitter) throw new Error("no Submit answers button with a server action in the quiz form");
  if (!entries.includes("answers") || !entries.includes("attemptId"))
    throw new Error("unexpected quiz form shape");
  return entries;
}

/** The button that starts at `at` is the one labelled "Submit answers" (its hidden inputs come before the label). */
function isSubmitButton(formHtml: string, at: number): boolean {
  const end = formHtml.indexOf("</button>", at);
  return /Submit answers$/.test(formHtml.slice(at, end).replace(/<[^>]*>/g, ""));
}

export function multipart(fields: [string, string][]): { body: string; contentType: string } {
  const boundary = `----benchFormBoundary${crypto.randomBytes(8).toString("hex")}`;
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: `${parts.join("")}--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export type FormSubmission = {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The results page the action redirects to when the submission is stored and graded. */
  expect: string;
};

/** One student's submission, from the form's template and that student's own attempt and answers. */
export function submissionFor(template: FormEntry[], student: Student, origin: string): FormSubmission {
  const fields = template.flatMap((e): [string, string][] =>
    e === "attemptId" ? [["attemptId", student.attemptId!]] : e === "answers" ? student.fields! : [e],
  );
  const { body, contentType } = multipart(fields);
  return {
    path: `/attempts/${student.attemptId}`,
    headers: {
      cookie: student.cookie,
      origin,
      "content-type": contentType,
      accept: "text/html,application/xhtml+xml",
    },
    body,
    expect: `/attempts/${student.attemptId}?submitted=1`,
  };
}
