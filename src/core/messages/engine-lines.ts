import type { ClusterEngine } from '../model/cluster-info.js';
import { engineChange, shownEngine, versionFromNumber } from '../preflight/engine-version.js';
import type { EngineWords } from '../words/engine-words.js';

function shown(engine: ClusterEngine): string {
  return shownEngine(engine.distribution, engine.version);
}

/** The move a migration makes between two engines, when both versions read and they differ. */
function changeLines(from: ClusterEngine, to: ClusterEngine, words: EngineWords): string[] {
  const source = versionFromNumber(from.distribution, from.version);
  const target = versionFromNumber(to.distribution, to.version);
  if (source === undefined || target === undefined) return [];
  const change = engineChange(source, target);
  return change === 'same' ? [] : [words.engineChangeLine(shown(from), shown(to), change)];
}

/**
 * Each cluster's engine and version, as the preflight read them: a restore names its cluster's, a migration both
 * and, across versions or engines, which way it goes. Plans stored before engines were recorded show none.
 */
function engineLines(engines: readonly ClusterEngine[] | undefined, words: EngineWords): string[] {
  const [from, to] = engines ?? [];
  if (from === undefined) return [];
  if (to === undefined) return [words.engineLine(from.cluster, shown(from))];
  return [words.enginesLine(from.cluster, shown(from), to.cluster, shown(to)), ...changeLines(from, to, words)];
}

export { engineLines };
