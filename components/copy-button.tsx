"use client";

import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * Copies `text` to the clipboard. Without JavaScript (or without a clipboard)
 * there is no button: the text it copies is shown beside it, selectable.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const canCopy = useSyncExternalStore(
    noSubscription,
    () => typeof navigator !== "undefined" && Boolean(navigator.clipboard),
    () => false,
  );
  const [status, setStatus] = useState<"" | "copied" | "failed">("");
  if (!canCopy) return null;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-label={label}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setStatus("copied"),
            () => setStatus("failed"),
          );
        }}
        className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100"
      >
        Copy
      </button>
      <span role="status" className="text-sm text-stone-700">
        {status === "copied"
          ? "Copied."
          : status === "failed"
            ? "Could not copy: select the link instead."
            : ""}
      </span>
    </span>
  );
}
