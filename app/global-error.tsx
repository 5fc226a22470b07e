"use client";

import { ServerErrorNotice } from "@/components/server-error-notice";
import "./globals.css";

/**
 * When the root layout itself fails (its header reads the session, so any
 * page does while the database is down), including the response to a quiz
 * posted without JavaScript: Next's own page would only say "Reload".
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Please try again · NewsQuiz</title>
      </head>
      <body className="min-h-screen font-sans">
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
          <ServerErrorNotice reset={reset} />
        </main>
      </body>
    </html>
  );
}
