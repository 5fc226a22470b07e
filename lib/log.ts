/**
 * What the server log may say about an error: its class and code, along its
 * chain of causes. Never its message: a database error's message holds the
 * query and its parameters (password hashes, whole articles, emails), and a
 * driver's message can quote the values it choked on.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e !== undefined && e !== null; depth++) {
    if (typeof e !== "object") {
      parts.push(typeof e);
      break;
    }
    const { name, code, cause } = e as { name?: unknown; code?: unknown; cause?: unknown };
    const cls =
      typeof name === "string" && /^[\w$.]{1,60}$/.test(name) ? name : (e.constructor?.name ?? "Object");
    const safeCode =
      typeof code === "string" && /^[A-Z0-9_]{1,40}$/i.test(code)
        ? code
        : typeof code === "number"
          ? String(code)
          : "";
    parts.push(safeCode ? `${cls} ${safeCode}` : cls);
    e = cause;
  }
  return parts.join(" <- ") || "unknown error";
}

/** Logs a failure as "[scope] what: ErrorClass CODE <- CauseClass CODE". */
export function logError(scope: string, what: string, error: unknown): void {
  console.error(`[${scope}] ${what}: ${describeError(error)}`);
}
