import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { RenameRefusedError, RenameTargetRefusedError } from '../../../src/core/restore/errors.js';
import { renameMapping } from '../../../src/core/restore/rename-mapping.js';
import { describeAcrossClusters } from '../bot/across-clusters.js';
import { type RenameCase, renameCases } from './rename-cases.js';

/**
 * Rename targets equal the engine's: random `rename_pattern` / `rename_replacement` pairs, each restored on the
 * real engine over a set of index names, the resulting names read back and compared with the bot's plan; and the
 * bot refuses exactly when the engine does, except where it refuses by design (a pattern Java and JavaScript read
 * apart, a name the bot never makes), which the summary counts. `RENAME_ENGINE_SEED=<n>` repeats a run.
 */

const RUN = randomBytes(2).toString('hex');
const PREFIX = `rnq${RUN}`;
const NAMES = ['logs-2026.11.02', 'src', 'a-b-c', 'orders_v2', 'ログ-1', 'éa-b', 'x1', 'aa.bb', 'metrics-7'].map(
  (name) => `${PREFIX}-${name}`,
);
const CASES = 200;
/** Restores run this many at a time; a case that disagrees is tried again alone before it counts. */
const SLOTS = 4;
const SEED = Number(process.env.RENAME_ENGINE_SEED ?? Date.now() % 1_000_000);
/**
 * Restored copies carry a refresh interval of their own slot and run, so that they are found and deleted
 * whatever they are named.
 */
function tagOf(slot: number): string {
  return `${1000 + (Number.parseInt(RUN, 16) % 9000)}${slot}ms`;
}

/** Refusals the engine makes too (given a name the pattern matches, for the replacement's). */
const SHARED_REFUSALS = new Set(['lone-brace', 'group-name']);
const REPLACEMENT_REFUSALS = new Set([
  'trailing-backslash',
  'lone-dollar',
  'group-name-shape',
  'no-group',
  'no-named-group',
]);

type EngineAnswer = { accepted: true; names: string[] } | { accepted: false; type: string; reason: string };

type BotAnswer =
  | { accepted: true; names: string[] }
  | { accepted: false; shared: boolean; replacement: boolean; rule: string };

async function call(url: string, method: string, path: string, body?: unknown) {
  const response = await fetch(new URL(path, url), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? JSON.parse(text) : undefined };
}

function botAnswer(rename: RenameCase): BotAnswer {
  try {
    return { accepted: true, names: [...renameMapping(NAMES, rename).values()].sort() };
  } catch (error) {
    if (error instanceof RenameRefusedError) {
      const { rule } = error.refusal;
      return { accepted: false, shared: SHARED_REFUSALS.has(rule), replacement: REPLACEMENT_REFUSALS.has(rule), rule };
    }
    if (error instanceof RenameTargetRefusedError) {
      const { reason, target } = error;
      // The engine's own name check refuses these too; `..` inside a name and protected names are the bot's rules.
      const shared = reason.rule === 'name' && (reason.name.rule !== 'dot-dot' || target === '..');
      return { accepted: false, shared, replacement: false, rule: `target ${reason.rule}` };
    }
    // Two indices onto one name: the engine refuses that as well.
    return { accepted: false, shared: true, replacement: false, rule: 'clash' };
  }
}

type Outcome = { tally: string } | { disagreement: string };

function judgeAccepted(shown: string, names: readonly string[], engine: EngineAnswer): Outcome {
  if (!engine.accepted) {
    return { disagreement: `${shown}: bot ${names.join(',')} / engine refused: ${engine.type} ${engine.reason}` };
  }
  if (names.join(',') === engine.names.join(',')) return { tally: 'same targets on both' };
  return { disagreement: `${shown}: bot ${names.join(',')} / engine ${engine.names.join(',')}` };
}

function judgeRefused(shown: string, bot: Extract<BotAnswer, { accepted: false }>, engine: EngineAnswer): Outcome {
  if (!engine.accepted) return { tally: `refused by both (${bot.rule})` };
  if (bot.replacement) {
    // Java reads the replacement only at a match: with none, the engine keeps the names and says nothing.
    if (engine.names.join(',') === [...NAMES].sort().join(',')) {
      return { tally: `refused by the bot, no name matched for the engine to see it (${bot.rule})` };
    }
    return { disagreement: `${shown}: the engine renamed with a replacement the bot refuses (${bot.rule})` };
  }
  if (bot.shared)
    return { disagreement: `${shown}: the engine accepted what it refuses too, says the bot (${bot.rule})` };
  return { tally: `refused by the bot by design, the engine accepted (${bot.rule})` };
}

// B restores what A snapshotted: on a pair whose B cannot read A, the preflight's refusal is what is proven.
describeAcrossClusters('rename targets against the engine', () => {
  const rig = inject('rig');
  const a = rig.clusters.a.url;
  const b = rig.clusters.b.url;
  const repository = `${PREFIX}-repo`;
  const location = `${rig.sharedRepoPath}/${repository}`;

  async function restoredCopies(slot: number | undefined): Promise<string[]> {
    const answer = await call(b, 'GET', '/_all/_settings/index.refresh_interval?expand_wildcards=all');
    const settings = (answer.body ?? {}) as Record<string, { settings: { index: { refresh_interval?: string } } }>;
    const tags = slot === undefined ? Array.from({ length: SLOTS + 1 }, (_, each) => tagOf(each)) : [tagOf(slot)];
    return Object.entries(settings)
      .filter(([, entry]) => tags.includes(entry.settings.index.refresh_interval ?? ''))
      .map(([name]) => name);
  }

  async function deleteCopies(names: readonly string[]): Promise<void> {
    if (names.length > 0) await call(b, 'DELETE', `/${names.map(encodeURIComponent).join(',')}`);
  }

  async function existingOnB(names: readonly string[]): Promise<string[]> {
    const path = `/${names.map(encodeURIComponent).join(',')}?ignore_unavailable=true&expand_wildcards=all`;
    const answer = await call(b, 'GET', path);
    return answer.status === 200 ? Object.keys(answer.body ?? {}) : [];
  }

  async function engineAnswer(rename: RenameCase, slot: number): Promise<EngineAnswer> {
    const answer = await call(b, 'POST', `/_snapshot/${repository}/all/_restore`, {
      indices: NAMES.join(','),
      include_global_state: false,
      include_aliases: false,
      rename_pattern: rename.pattern,
      rename_replacement: rename.replacement,
      index_settings: { 'index.refresh_interval': tagOf(slot), 'index.number_of_replicas': 0 },
    });
    if (answer.status !== 200) {
      return { accepted: false, type: answer.body?.error?.type ?? '', reason: answer.body?.error?.reason ?? '' };
    }
    const names = (await restoredCopies(slot)).sort();
    await deleteCopies(names);
    return { accepted: true, names };
  }

  beforeAll(async () => {
    console.error(`rename engine test: seed ${SEED} (RENAME_ENGINE_SEED=${SEED} repeats it), indices ${PREFIX}-*`);
    for (const name of NAMES) {
      await call(a, 'PUT', `/${encodeURIComponent(name)}`, {
        settings: { number_of_shards: 1, number_of_replicas: 0 },
      });
    }
    await call(a, 'PUT', `/_snapshot/${repository}`, { type: 'fs', settings: { location } });
    await call(b, 'PUT', `/_snapshot/${repository}`, { type: 'fs', settings: { location, readonly: true } });
    const snapshot = await call(a, 'PUT', `/_snapshot/${repository}/all?wait_for_completion=true`, {
      indices: NAMES.join(','),
      include_global_state: false,
    });
    expect(snapshot.body?.snapshot?.state).toBe('SUCCESS');
  });

  afterAll(async () => {
    await deleteCopies(await restoredCopies(undefined));
    await call(a, 'DELETE', `/${NAMES.map(encodeURIComponent).join(',')}`);
    await call(a, 'DELETE', `/_snapshot/${repository}/all`);
    await call(b, 'DELETE', `/_snapshot/${repository}`);
    await call(a, 'DELETE', `/_snapshot/${repository}`);
  });

  /** How one rename fares on both sides: a line of the tally, or a disagreement. */
  async function compare(rename: RenameCase, slot: number): Promise<Outcome> {
    const bot = botAnswer(rename);
    if (bot.accepted && (await existingOnB(bot.names)).length > 0)
      return { tally: 'skipped: a target is on B already' };
    const engine = await engineAnswer(rename, slot);
    const shown = `rename=${rename.pattern}:${rename.replacement}`;
    return bot.accepted ? judgeAccepted(shown, bot.names, engine) : judgeRefused(shown, bot, engine);
  }

  it(`computes the engine's targets and refuses what it refuses, over ${CASES} random renames`, async () => {
    // Prepare
    const tally = new Map<string, number>();
    const disagreements: string[] = [];
    const cases = renameCases(SEED, CASES);

    // Act
    for (let first = 0; first < cases.length; first += SLOTS) {
      const batch = cases.slice(first, first + SLOTS);
      const outcomes = await Promise.all(batch.map((rename, slot) => compare(rename, slot)));
      for (const [position, outcome] of outcomes.entries()) {
        // Two renames of one batch can reach one name: a disagreement counts only when it stays, alone.
        const settled = 'tally' in outcome ? outcome : await compare(batch[position] as RenameCase, SLOTS);
        if ('tally' in settled) tally.set(settled.tally, (tally.get(settled.tally) ?? 0) + 1);
        else disagreements.push(settled.disagreement);
      }
    }

    // Assess
    console.error(
      `rename engine test: ${CASES} renames × ${NAMES.length} names checked (seed ${SEED}):\n` +
        [...tally]
          .sort(([, one], [, other]) => other - one)
          .map(([key, value]) => `  ${value}\t${key}`)
          .join('\n'),
    );
    expect(disagreements).toEqual([]);
  });
});
