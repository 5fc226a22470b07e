/** Scores as percents, one rule for every page: one decimal, and no figure without a maximum. */
export const round1 = (n: number) => Math.round(n * 10) / 10;

export function percentOf(score: number | null, maxScore: number | null): number | null {
  if (score === null || !maxScore) return null;
  return round1((100 * score) / maxScore);
}
