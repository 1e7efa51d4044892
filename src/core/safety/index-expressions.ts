import { matchesWildcard } from './protected-indices.js';
import { isExclusion } from './resource-names.js';

/** The names a list of index expressions reaches, and the inclusions that reached nothing. */
type Selection = { names: string[]; unmatched: string[] };

/** The items of an index list that reach indices; the exclusions only take away from what those reach. */
function inclusionsOf(expressions: readonly string[]): string[] {
  return expressions.filter((expression) => !isExclusion(expression));
}

/**
 * An index list read in order, as the engines read index expressions: an inclusion adds what `reach` gives for
 * it, and `-pattern` removes the names that the items before it added. The engines start a list that opens with an
 * exclusion from every index; the grammar refuses such a list (it would reach everything, like `*`), so here it
 * starts from nothing. Sorted by name.
 */
function selectIndices(expressions: readonly string[], reach: (pattern: string) => readonly string[]): Selection {
  const selected = new Set<string>();
  const unmatched: string[] = [];
  for (const expression of expressions) {
    if (isExclusion(expression)) {
      const pattern = expression.slice(1);
      for (const name of [...selected]) if (matchesWildcard(pattern, name)) selected.delete(name);
      continue;
    }
    const reached = reach(expression);
    if (reached.length === 0) unmatched.push(expression);
    for (const name of reached) selected.add(name);
  }
  return { names: [...selected].sort(), unmatched };
}

export type { Selection };
export { inclusionsOf, selectIndices };
