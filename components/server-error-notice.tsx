/**
 * What a person sees when the server could not finish their request (most
 * often the database was restarting for a moment). Production hides the
 * error's detail, so this says what to do rather than what broke. It is
 * server-rendered too, so a quiz posted without JavaScript gets it as the
 * body of the error response.
 */
export function ServerErrorNotice({ reset }: { reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-prose space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong on our side</h1>
      <p className="text-stone-700">
        We could not finish this just now, usually because the server lost its database for a moment. Nothing
        you saved has been lost. Please try again in a minute.
      </p>
      <p className="text-stone-700">
        If you were submitting a quiz, go back and submit it again: a quiz is graded only once, so sending it
        twice is safe.
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white"
      >
        Try again
      </button>
    </div>
  );
}
