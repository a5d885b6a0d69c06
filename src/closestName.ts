/**
 * "Did you mean": the known name closest to a misspelt one, for error messages (strategies, datasets,
 * options, presets). Levenshtein distance on lower case, at most 2 edits, or a prefix of at least 3
 * letters. Cost O(|given| · |name|) per known name.
 */
export function closestName(given: string, known: readonly string[]): string | undefined {
  const d = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cur = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
      }
    }
    return row[b.length]!;
  };
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const dk = k.toLowerCase().startsWith(given.toLowerCase()) && given.length >= 3 ? 1 : d(given.toLowerCase(), k.toLowerCase());
    if (dk < bestD) {
      bestD = dk;
      best = k;
    }
  }
  return best;
}

