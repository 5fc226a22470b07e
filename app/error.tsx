"use client";

import { ServerErrorNotice } from "@/components/server-error-notice";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ServerErrorNotice reset={reset} />;
}
