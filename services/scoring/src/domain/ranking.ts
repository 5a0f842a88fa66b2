/**
 * Ranking as published rankings do it ("standard competition" ranking, 1-2-2-4): equal scores
 * share a rank and the next rank skips as many places as were shared. Scores are compared at a
 * stated precision (the precision the results are published at), so 46.04150 and 46.0415 tie.
 * Units without a score are not ranked: they get null, never a rank after the last.
 */
export function competitionRanks<T>(items: readonly T[], scoreOf: (item: T) => number | null, decimals: number): Map<T, number | null> {
  const factor = 10 ** decimals;
  const key = (score: number) => Math.round(score * factor);
  const scored = items.filter((item) => scoreOf(item) !== null).sort((a, b) => key(scoreOf(b) as number) - key(scoreOf(a) as number));
  const ranks = new Map<T, number | null>(items.map((item) => [item, null]));
  scored.forEach((item, index) => {
    const previous = scored[index - 1];
    const same = previous !== undefined && key(scoreOf(previous) as number) === key(scoreOf(item) as number);
    ranks.set(item, same ? (ranks.get(previous) as number) : index + 1);
  });
  return ranks;
}

/** A percentile by linear interpolation between closest ranks (the usual spreadsheet PERCENTILE.INC). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export const QUARTILE_GROUPS = ['HIGHEST', 'HIGH_AVERAGE', 'LOW_AVERAGE', 'LOWEST'] as const;
export type QuartileGroup = (typeof QUARTILE_GROUPS)[number];

/**
 * PAPI's four groups (FACTS.md): highest (≥ 75th percentile), high-average (50th–75th),
 * low-average (25th–50th), lowest (< 25th), of the scores of the provinces that have one.
 */
export function quartileGroups(scores: readonly number[]): (score: number | null) => QuartileGroup | null {
  if (scores.length === 0) return () => null;
  const [p25, p50, p75] = [0.25, 0.5, 0.75].map((p) => percentile(scores, p));
  return (score) => {
    if (score === null) return null;
    if (score >= p75) return 'HIGHEST';
    if (score >= p50) return 'HIGH_AVERAGE';
    if (score >= p25) return 'LOW_AVERAGE';
    return 'LOWEST';
  };
}

export const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
