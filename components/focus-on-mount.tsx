"use client";

import { useEffect } from "react";

/** Moves focus to an element after a navigation (the score after submit, the warning before it). */
export function FocusOnMount({ targetId }: { targetId: string }) {
  useEffect(() => {
    const el = document.getElementById(targetId);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: "start" });
    }
  }, [targetId]);
  return null;
}
