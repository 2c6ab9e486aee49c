// "Did you mean …?" suggestions for ids and field names.

/** Levenshtein distance between two short strings (case-insensitive). */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost),
      );
    }
    previous = current;
  }
  return previous[t.length] as number;
}

/**
 * The candidates closest to `name` by edit distance, best first: those within a third of the longer
 * name's length (at least 2 edits), at most `limit` of them. Used for "did you mean" hints.
 * @example
 * closestNames('tolernace', ['tolerance', 'note']); // => ['tolerance']
 */
export function closestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  return candidates
    .map((candidate) => ({ candidate, d: distance(name, candidate) }))
    .filter(({ candidate, d }) => d <= Math.max(2, Math.floor(Math.max(name.length, candidate.length) / 3)))
    .sort((x, y) => x.d - y.d || x.candidate.localeCompare(y.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
