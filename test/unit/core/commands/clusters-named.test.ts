import { describe, expect, it } from 'vitest';
import { clustersNamedIn, clustersOfPlan } from '../../../../src/core/commands/clusters-named.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { PLANS } from '../../../fixtures/plans.js';

describe('the clusters a request or a job reaches', () => {
  it.each([
    ['list a', ['a']],
    ['delete-index b logs-1', ['b']],
    ['migrate a b indices=logs-*', ['a', 'b']],
    ['jobs', []],
    ['help', []],
  ])('`%s` names %j', (text, clusters) => {
    expect(clustersNamedIn(parseCommand(text))).toEqual(clusters);
  });

  it('a migration touches both clusters, a restore its own', () => {
    expect(clustersOfPlan(PLANS.migrate())).toEqual(['a', 'b']);
    expect(clustersOfPlan(PLANS.restore())).toEqual(['b']);
  });
});
