/** How far an assignment's settings go. Browser-safe: the assign form's inputs carry them too. */
export const ASSIGNMENT_LIMITS = { maxAttempts: 10, maxTimeLimitMinutes: 300 } as const;
