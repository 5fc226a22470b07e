/**
 * What the server log may say about an error: its class and code, along its
 * chain of causes. Never its message: a database error's message holds the
 * query and its parameters (password hashes, whole articles, emails), and a
 * driver's message can quote the values it choked on.
 */
export function describeError(error: unknown): string {
  if (!error || typeof error !== "object") return typeof error;
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    const { name, code, cause } = e as { name?: unknown; code?: unknown; cause?: unknown };
    // A failed query by its shape: bundlers may rename the class, and its name is the generic "Error".
    const cls = "query" in e && "params" in e ? "QueryError" : className(name, e.constructor?.name);
    const safeCode =
      (typeof code === "string" && /^[A-Z0-9_]{1,40}$/i.test(code)) || typeof code === "number"
        ? String(code)
        : "";
    parts.push(safeCode ? `${cls} (code ${safeCode})` : cls);
    e = cause;
  }
  // Where it was thrown: a stack frame names a file and line, never a value.
  const stack = (error as { stack?: unknown }).stack;
  const at =
    typeof stack === "string"
      ? stack
          .split("\n")
          .find((line) => line.startsWith("    at "))
          ?.trim()
      : undefined;
  return parts.join(" ← ") + (at ? ` ${at}` : "");
}

const NAME = /^[\w$.]{1,60}$/;

/** The most specific name: "Error" says nothing when the class has a name of its own. */
function className(name: unknown, constructorName: string | undefined): string {
  const own = typeof name === "string" && NAME.test(name) ? name : undefined;
  const ctor = constructorName && NAME.test(constructorName) ? constructorName : undefined;
  if (own && own !== "Error") return own;
  return ctor ?? own ?? "Object";
}

/** Logs a failure as "[scope] what: ErrorClass (code X) ← CauseClass (code Y) at frame". */
export function logError(scope: string, what: string, error: unknown): void {
  console.error(`[${scope}] ${what}: ${describeError(error)}`);
}

/** A failed query as drizzle reports it: its message and stack start with the SQL and its parameters. */
function carriesQuery(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    if ("params" in e && "query" in e) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Log arguments with every failed-query error replaced by its description,
 * so no log line, ours or Next's own report of an uncaught error, ever
 * prints a query's parameters.
 */
export function redactQueryErrors(args: unknown[]): unknown[] {
  return args.map((arg) => {
    if (!(arg instanceof Error) || !carriesQuery(arg)) return arg;
    const safe = new Error(describeError(arg));
    safe.name = "RedactedQueryError";
    // Keep where it failed, without the first lines (the message: the query and its parameters).
    const frames = (arg.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
    safe.stack = [`RedactedQueryError: ${describeError(arg)}`, ...frames].join("\n");
    return safe;
  });
}

const REDACTING = Symbol.for("newsquiz.logRedaction");

/** Installs redactQueryErrors on console.error and console.warn for this process. Idempotent. */
export function redactQueryErrorsInLogs(): void {
  const c = console as Console & { [REDACTING]?: boolean };
  if (c[REDACTING]) return;
  c[REDACTING] = true;
  for (const level of ["error", "warn"] as const) {
    const original = c[level].bind(c);
    c[level] = (...args: unknown[]) => original(...redactQueryErrors(args));
  }
}
