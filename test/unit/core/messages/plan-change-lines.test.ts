import { describe, expect, it } from 'vitest';
import type { Job } from '../../../../src/core/jobs/job.js';
import { approve, claim, replan } from '../../../../src/core/jobs/transitions.js';
import { jobMessage } from '../../../../src/core/messages/job-message.js';
import { planChangeLine } from '../../../../src/core/messages/plan-change-lines.js';
import type { PlanChange } from '../../../../src/core/model/plan-change.js';
import { planDigest, shortDigest } from '../../../../src/core/plans/plan-digest.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { buildRequestedJob, NOW, PLANS, plannedIndex } from '../../../fixtures/plans.js';

const en = catalogFor('en');
const ja = catalogFor('ja');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('planChangeLine', () => {
  it.each<[PlanChange, string, string]>([
    [
      { kind: 'index-grew', index: 'orders', approvedDocs: 12, docs: 999_999 },
      '`orders`: approved 12 docs, now 999,999',
      '`orders`: 承認時 12 件、現在 999,999 件',
    ],
    [
      { kind: 'index-gone', index: 'orders', approvedDocs: 1200 },
      '`orders`: approved 1,200 docs, now gone',
      '`orders`: 承認時 1,200 件、現在はありません',
    ],
    [
      { kind: 'index-replaced', index: 'orders', approvedUuid: 'u-old', uuid: 'u-new' },
      '`orders`: another index of that name (UUID `u-new`, approved `u-old`)',
      '`orders`: 同じ名前の別のインデックスです (UUID `u-new`、承認時 `u-old`)',
    ],
    [
      { kind: 'index-added', index: 'orders-2', docs: 5 },
      '`orders-2`: not in the approved plan, now matched (5 docs)',
      '`orders-2`: 承認された計画になく、現在は一致します (5 件)',
    ],
    [
      { kind: 'target-taken', index: 'orders', docs: 3 },
      '`orders`: was free, now exists (3 docs)',
      '`orders`: 空いていましたが、現在はあります (3 件)',
    ],
    [
      { kind: 'snapshot-gone', snapshot: 'nightly' },
      'snapshot `nightly`: gone',
      'スナップショット `nightly`: ありません',
    ],
    [
      { kind: 'snapshot-replaced', snapshot: 'nightly', approvedUuid: 's-old', uuid: 's-new' },
      'snapshot `nightly`: taken again (UUID `s-new`, approved `s-old`)',
      'スナップショット `nightly`: 取り直されています (UUID `s-new`、承認時 `s-old`)',
    ],
  ])('says %j', (change, english, japanese) => {
    expect(planChangeLine(change, en)).toBe(english);
    expect(planChangeLine(change, ja)).toBe(japanese);
  });
});

describe('the message of a job whose plan changed after approval', () => {
  const grown = { ...PLANS.indexDelete(), indices: [plannedIndex('old-1', 999_999), plannedIndex('old-2')] };

  function askedAgain(): Job {
    const running = claim(
      approve(buildRequestedJob(PLANS.indexDelete()), 'U0APPROVER', later(1)),
      'w',
      later(2),
      60_000,
      'token-1',
    );
    const changes: PlanChange[] = [{ kind: 'index-grew', index: 'old-1', approvedDocs: 1200, docs: 999_999 }];
    const input = { plan: grown, step: 'delete-indices' as const, cluster: 'b', changes };
    return replan(running, { ...input, required: 1, expiresAt: later(40).toISOString() }, later(3));
  }

  it('shows what changed, the new plan with its digest, no approvals counted yet, and fresh buttons', () => {
    const message = jobMessage(askedAgain(), en, later(3));
    const text = JSON.stringify(message.blocks);

    expect(message.text).toBe('Approval needed: Index deletion on b');
    expect(text).toContain('*Changed since it was approved* — found before “Delete the indices” on b');
    expect(text).toContain('• `old-1`: approved 1,200 docs, now 999,999');
    expect(text).toContain('• `old-1` — 999,999 docs');
    expect(text).toContain(`Plan \`${shortDigest(planDigest(grown))}\``);
    expect(text).toContain('Approvals: 0 of 1');
    expect(message.blocks.filter((block) => block.type === 'actions')).toHaveLength(1);
  });

  it('says it in Japanese too', () => {
    const text = JSON.stringify(jobMessage(askedAgain(), ja, later(3)).blocks);

    expect(text).toContain('承認後に変わりました');
    expect(text).toContain(`計画 \`${shortDigest(planDigest(grown))}\``);
  });

  it('stops showing the change once the new plan is approved, naming only the approver of this plan', () => {
    const approved = approve(askedAgain(), 'U0SECOND', later(4));
    const text = JSON.stringify(jobMessage(approved, en, later(4)).blocks);

    expect(text).not.toContain('Changed since it was approved');
    expect(text).toContain('Approved by <@U0SECOND>');
    expect(text).not.toContain('<@U0APPROVER>');
  });
});
