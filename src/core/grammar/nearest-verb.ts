/**
 * Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring): insertions,
 * deletions, substitutions and swaps of two neighbours each cost one, so `lsit` is one edit from `list`.
 */
function editDistance(from: string, to: string): number {
  const a = [...from];
  const b = [...to];
  // rows[i][j]: distance between the first i characters of a and the first j characters of b.
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    rows.push(row);
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(cell(rows, i - 1, j) + 1, cell(rows, i, j - 1) + 1, cell(rows, i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, cell(rows, i - 2, j - 2) + 1);
      }
      row.push(best);
    }
  }
  return cell(rows, a.length, b.length);
}

/** The loops above only read cells they have already filled. */
function cell(rows: number[][], i: number, j: number): number {
  return (rows[i] as number[])[j] as number;
}

/** A third of the word's length, at least one: `lsit` → one edit, `mirgate` → two, `rm` → one. */
function allowedEdits(word: string): number {
  return Math.max(1, Math.floor([...word].length / 3));
}

/**
 * The candidate closest to what was typed (case-insensitive), when it is close enough to be a slip of the fingers
 * rather than another word; the earlier candidate wins a tie.
 *
 * @example nearestVerb('lsit', ['list', 'jobs']) // 'list'
 */
function nearestVerb(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const limit = allowedEdits(typed);
  let nearest: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    // Words much longer or shorter than every candidate cannot be close; skip the quadratic work on them.
    if (Math.abs([...typed].length - candidate.length) > limit) continue;
    const distance = editDistance(typed, candidate);
    if (distance <= limit && (nearest === undefined || distance < nearest.distance)) nearest = { candidate, distance };
  }
  return nearest?.candidate;
}

export { editDistance, nearestVerb };
