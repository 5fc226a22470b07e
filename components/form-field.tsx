import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
};

/** A labelled input whose errors are tied to it (aria-describedby) and announced. */
export function FormField({ name, label, hint, errors, id, ...input }: Props) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = `${inputId}-error`;
  const hasErrors = Boolean(errors && errors.length > 0);
  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-xs text-stone-600">
          {hint}
        </p>
      )}
      <input
        id={inputId}
        name={name}
        aria-invalid={hasErrors || undefined}
        aria-describedby={[hintId, hasErrors ? errorId : undefined].filter(Boolean).join(" ") || undefined}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm aria-invalid:border-red-600"
        {...input}
      />
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

/** A field's error messages, announced; `id` is what the field's aria-describedby names. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {errors?.map((e) => (
        <p key={e} className="text-sm text-red-700">
          <span aria-hidden="true">⚠ </span>
          {e}
        </p>
      ))}
    </div>
  );
}

export function FormMessage({ status, message }: { status: string; message?: string }) {
  return (
    <div role={status === "error" ? "alert" : "status"} aria-live="polite">
      {message && (
        <p
          className={
            status === "error"
              ? "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
              : "rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800"
          }
        >
          {message}
        </p>
      )}
    </div>
  );
}
