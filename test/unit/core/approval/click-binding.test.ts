import { describe, expect, it } from 'vitest';
import { clickMismatches, clickOnJobMessage } from '../../../../src/core/approval/click-binding.js';
import { buildRequestedJob } from '../../../fixtures/plans.js';

/** Given a job posted in C0OPS of workspace T0TEAM, as message 1700000000.000100. */
const job = { ...buildRequestedJob(), messageTs: '1700000000.000100' };
const onItsMessage = clickOnJobMessage(job, 'U0APPROVER');

describe('a click bound to its job', () => {
  it('acts on the job whose own message holds the button', () => {
    expect(onItsMessage).toEqual({
      userId: 'U0APPROVER',
      jobId: job.id,
      teamIds: ['T0TEAM'],
      channelIds: ['C0OPS'],
      messageTs: ['1700000000.000100'],
    });
    expect(clickMismatches(job, onItsMessage)).toEqual([]);
  });

  it.each([
    ['another workspace', { teamIds: ['T0OTHER'] }, ['team']],
    ['no workspace at all', { teamIds: [] }, ['team']],
    ['another channel', { channelIds: ['C0ELSEWHERE'] }, ['channel']],
    ['copies of the channel that disagree', { channelIds: ['C0OPS', 'C0ELSEWHERE'] }, ['channel']],
    ['another message', { messageTs: ['1700000000.000999'] }, ['message']],
    ['no message', { messageTs: [] }, ['message']],
    [
      'everything elsewhere',
      { teamIds: ['T0X'], channelIds: ['C0X'], messageTs: ['1.2'] },
      ['team', 'channel', 'message'],
    ],
  ] as const)('is refused from %s', (_case, edit, mismatches) => {
    expect(clickMismatches(job, { ...onItsMessage, ...edit })).toEqual(mismatches);
  });

  it('binds a job stored before workspaces were recorded by channel and message alone', () => {
    const older = { ...job, team: undefined };

    expect(clickMismatches(older, { ...onItsMessage, teamIds: ['T0ANY'] })).toEqual([]);
    expect(clickOnJobMessage(older, 'U0APPROVER').teamIds).toEqual([]);
  });

  it('binds nothing to a job whose message was never posted', () => {
    const unposted = { ...job, messageTs: undefined };

    expect(clickOnJobMessage(unposted, 'U0APPROVER').messageTs).toEqual([]);
    expect(clickMismatches(unposted, onItsMessage)).toEqual(['message']);
  });
});
