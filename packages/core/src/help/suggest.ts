/**
 * Optimal string alignment distance (Damerau–Levenshtein where a transposition is not edited again):
 * `stauts` is one step from `status`. Small inputs only: command words, not texts.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The known word closest to `input` (case-insensitive), when it is close enough to be a typo: one edit
 * for words of up to four letters, two for longer ones. `words` pairs what may be typed with what to suggest.
 */
export function closest(input: string, words: readonly (readonly [string, string])[]): string | undefined {
  const typed = input.toLowerCase();
  if (!typed || typed.length > 30) return undefined;
  const allowed = typed.length <= 4 ? 1 : 2;
  let best: { word: string; distance: number } | undefined;
  for (const [word, suggestion] of words) {
    const distance = editDistance(typed, word.toLowerCase());
    if (distance <= allowed && (!best || distance < best.distance)) best = { word: suggestion, distance };
  }
  return best?.word;
}
