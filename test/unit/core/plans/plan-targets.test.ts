import { describe, expect, it } from 'vitest';
import { PlanMismatchError } from '../../../../src/core/plans/errors.js';
import { deletionsOf, repositoryFor, restoresOf, snapshotOf } from '../../../../src/core/plans/plan-targets.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { PLANS } from '../../../fixtures/plans.js';

describe('what a plan gives its steps', () => {
  it('gives the migration snapshot the source repository, without global state', () => {
    const plan = PLANS.migrate();

    expect(snapshotOf(plan)).toMatchObject({ global: false, partial: false, indices: expect.any(Array) });
  });

  it('gives the target of a migration its repository read-only, and the source as configured', () => {
    const plan = PLANS.migrate();
    if (plan.kind !== 'migrate') throw new TypeError('fixture is a migration');

    expect(repositoryFor(plan, plan.from).settings.readonly).toBeUndefined();
    expect(repositoryFor(plan, plan.to).settings.readonly).toBe(true);
  });

  it('gives an index deletion its indices and a registration its repository', () => {
    const deletion = PLANS.indexDelete();
    const registration = PLANS.repoRegister();
    if (deletion.kind !== 'index-delete' || registration.kind !== 'repo-register') throw new TypeError('fixtures');

    expect(deletionsOf(deletion)).toEqual(deletion.indices);
    expect(repositoryFor(registration, registration.cluster)).toEqual(registration.repository);
  });

  it('gives a snapshot into the default repository that repository to register first', () => {
    const plan = PLANS.snapshotCreate();
    if (plan.kind !== 'snapshot-create') throw new TypeError('fixture is a snapshot');
    const registerFirst = { name: 'local', type: 'fs' as const, settings: { location: '/repo/local' } };

    expect(repositoryFor({ ...plan, registerFirst }, plan.cluster)).toEqual(registerFirst);
  });

  it.each([
    ['snapshot', () => snapshotOf(PLANS.indexDelete()), 'a index-delete job has no snapshot'],
    ['deletions', () => deletionsOf(PLANS.snapshotCreate()), 'a snapshot-create job has no indices to delete'],
    ['restores', () => restoresOf(PLANS.repoRegister()), 'a repo-register job has nothing to restore'],
    ['repository', () => repositoryFor(PLANS.restore(), 'b'), 'a restore job has no repository to register'],
  ])('refuses a step that asks a plan for its %s when the plan has none', (part, ask, text) => {
    const error = (() => {
      try {
        ask();
      } catch (caught) {
        return caught;
      }
      throw new TypeError('expected a refusal');
    })();

    expect(error).toBeInstanceOf(PlanMismatchError);
    expect(error).toMatchObject({ code: 'plan_mismatch', part, message: `${text}: its steps do not fit its plan` });
    expect((error as PlanMismatchError).saidIn(catalogFor('ja')).text).toContain('手順が計画と合っていません');
  });
});
