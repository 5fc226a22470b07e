"use client";

import { useActionState } from "react";
import { addArticleAction } from "@/app/teacher/articles/actions";
import type { ActionResult } from "@/lib/action-result";
import { ARTICLE_HINTS } from "@/lib/articles/hints";
import { FieldErrors, FormField, FormMessage } from "./form-field";

type Field = "title" | "source" | "publishedOn" | "text";

export function AddArticleForm() {
  const [state, action, pending] = useActionState<ActionResult<Field>, FormData>(addArticleAction, {
    status: "idle",
  });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <FormField
        name="title"
        label="Title"
        hint="Leave empty to use the title of an uploaded HTML page."
        defaultValue={state.values?.title}
        errors={errors.title}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          name="source"
          label="Source (optional)"
          defaultValue={state.values?.source}
          errors={errors.source}
        />
        <FormField
          name="publishedOn"
          label="Published on (optional)"
          type="date"
          defaultValue={state.values?.publishedOn}
          errors={errors.publishedOn}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="field-text" className="block text-sm font-medium text-stone-800">
          Article text
        </label>
        <textarea
          id="field-text"
          name="text"
          rows={12}
          defaultValue={state.values?.text}
          aria-describedby="field-text-error"
          aria-invalid={errors.text ? true : undefined}
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-serif"
        />
      </div>
      <FormField
        name="file"
        label="…or upload a .txt or .html file (at most 2 MB)"
        hint={ARTICLE_HINTS.pdf}
        type="file"
        accept=".txt,.html,.htm,text/plain,text/html"
      />
      <FieldErrors id="field-text-error" errors={errors.text} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Reading the article…" : "Add article"}
      </button>
    </form>
  );
}
