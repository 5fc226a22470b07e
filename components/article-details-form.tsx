"use client";

import { useActionState } from "react";
import { updateArticleDetailsAction } from "@/app/teacher/articles/[slug]/actions";
import type { ActionResult } from "@/lib/action-result";
import { FormField, FormMessage } from "./form-field";

type Field = "title" | "source" | "publishedOn";

/** Title, source and date of the teacher's own article (the text itself stays as added), behind a disclosure. */
export function ArticleDetailsForm({
  slug,
  title,
  source,
  publishedOn,
}: {
  slug: string;
  title: string;
  source: string;
  publishedOn: string;
}) {
  const [state, action, pending] = useActionState<ActionResult<Field>, FormData>(updateArticleDetailsAction, {
    status: "idle",
  });
  const errors = state.fieldErrors ?? {};
  const back = state.status === "error" ? state.values : undefined;
  // Open after an error, so the messages show even when the page came back from a post without JavaScript.
  return (
    <details
      open={state.status === "error" || undefined}
      className="rounded-lg border border-stone-200 bg-white p-4"
    >
      <summary className="cursor-pointer font-medium">Edit title, source and date</summary>
      <form action={action} className="mt-3 max-w-2xl space-y-4" noValidate>
        <FormMessage status={state.status} message={state.message} />
        <input type="hidden" name="slug" value={slug} />
        <FormField
          name="title"
          id="details-title"
          label="Title"
          defaultValue={back?.title ?? title}
          errors={errors.title}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            name="source"
            id="details-source"
            label="Source (optional)"
            defaultValue={back?.source ?? source}
            errors={errors.source}
          />
          <FormField
            name="publishedOn"
            id="details-published-on"
            label="Published on (optional)"
            type="date"
            defaultValue={back?.publishedOn ?? publishedOn}
            errors={errors.publishedOn}
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save details"}
        </button>
      </form>
    </details>
  );
}
