/**
 * The confirmation of an action that ends or hides students' work: a checkbox
 * the browser requires before it posts (and the server checks again), so it
 * works without JavaScript and a screen reader reads what is being confirmed.
 */
export function ConfirmCheckbox({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <div className="flex items-start gap-2">
      <input id={id} name="confirm" type="checkbox" required className="mt-1 h-4 w-4 shrink-0" />
      <label htmlFor={id} className="text-sm text-stone-800">
        {children}
      </label>
    </div>
  );
}
