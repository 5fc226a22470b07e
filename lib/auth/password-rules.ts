/** Password rules, free of node:crypto so forms in the browser can show them. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** The problems with a proposed password, one sentence each; empty when it is acceptable. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN) problems.push(`Use at least ${PASSWORD_MIN} characters.`);
  if (length > PASSWORD_MAX) problems.push(`Use at most ${PASSWORD_MAX} characters.`);
  if (length > 0 && password.trim().length === 0) problems.push("A password cannot be only spaces.");
  return problems;
}
