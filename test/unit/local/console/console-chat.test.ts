import { describe, expect, it } from 'vitest';
import { jobMessage } from '../../../../src/core/messages/job-message.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { blocksAsText, createConsoleChat } from '../../../../src/local/console/console-chat.js';
import { buildRequestedJob, NOW } from '../../../fixtures/plans.js';

describe('blocksAsText', () => {
  it('reads a job message as lines: title, status, plan, buttons, with dates in their fallback text', () => {
    const text = blocksAsText(jobMessage(buildRequestedJob(), catalogFor('en'), NOW).blocks);

    expect(text.split('\n')[0]).toBe('== Approval needed: Restore on b ==');
    expect(text).toContain('Expires 2026-11-24 09:30 UTC');
    expect(text).toContain('[ Approve ] [ Reject ]');
    expect(text).not.toContain('<!date');
  });

  it('shows text Slack would escape as typed', () => {
    expect(
      blocksAsText([{ type: 'section', text: { type: 'mrkdwn', text: 'a &lt;b&gt; &amp; c' } }, { type: 'divider' }]),
    ).toBe('a <b> & c');
  });
});

describe('createConsoleChat', () => {
  it('prints where each message would go', async () => {
    const printed: string[] = [];
    const chat = createConsoleChat((text) => printed.push(text));
    const message = {
      text: 'hi',
      blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 'hi' } }],
    };

    const { ts } = await chat.post('C1', message);
    await chat.post('C1', message, ts);
    await chat.update('C1', ts, message);
    await chat.respond('console:', message);

    expect(printed.map((text) => text.split('\n')[1])).toEqual([
      '--- new message in C1 ---',
      `--- reply in the thread of message ${ts} ---`,
      `--- message ${ts} updated ---`,
      '--- only you see this ---',
    ]);
    expect(await chat.usergroupMembers('S1')).toEqual([]);
  });
});
