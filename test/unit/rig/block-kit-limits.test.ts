import { describe, expect, it } from 'vitest';
import { BLOCK_KIT_LIMITS, checkMessageLimits } from '../../rig/slack/block-kit-limits.js';

const chars = (n: number) => 'x'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
const button = (overrides: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: 'approve',
  text: plain('Approve'),
  value: 'job-1',
  ...overrides,
});
const actions = (elements: unknown[]) => ({ type: 'actions', elements });
const confirm = (text: string) => ({
  title: plain('Sure?'),
  text: mrkdwn(text),
  confirm: plain('Yes'),
  deny: plain('No'),
});
const distinctButtons = (n: number) => Array.from({ length: n }, (_, i) => button({ action_id: `a${i}` }));

describe('checkMessageLimits', () => {
  it('accepts a message at every limit', () => {
    // Prepare
    const blocks = [
      { type: 'header', text: plain(chars(150)) },
      section(chars(3000)),
      { type: 'section', fields: Array.from({ length: 10 }, () => mrkdwn(chars(500))) },
      actions([
        button({ text: plain(chars(75)), value: chars(2000), action_id: chars(255), confirm: confirm(chars(300)) }),
      ]),
      { type: 'context', elements: Array.from({ length: 10 }, () => mrkdwn('c')) },
      { type: 'divider', block_id: chars(255) },
    ];

    // Act
    const problem = checkMessageLimits({ text: chars(40_000), blocks });

    // Assess
    expect(problem).toBeUndefined();
  });

  it('accepts a text-only message and 50 blocks', () => {
    // Prepare
    const fifty = Array.from({ length: 50 }, () => ({ type: 'divider' }));

    // Act & Assess
    expect(checkMessageLimits({ text: 'hello' })).toBeUndefined();
    expect(checkMessageLimits({ text: 'hello', blocks: fifty })).toBeUndefined();
  });

  it.each([
    ['51 blocks', Array.from({ length: 51 }, () => ({ type: 'divider' })), '/blocks'],
    ['section text of 3001', [section(chars(3001))], '/blocks/0/text/text'],
    ['an empty section text', [section('')], '/blocks/0/text/text'],
    ['a section without text or fields', [{ type: 'section' }], '/blocks/0'],
    [
      '11 section fields',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => mrkdwn('f')) }],
      '/blocks/0/fields',
    ],
    ['a section field of 2001', [{ type: 'section', fields: [mrkdwn(chars(2001))] }], '/blocks/0/fields/0/text'],
    ['header text of 151', [{ type: 'header', text: plain(chars(151)) }], '/blocks/0/text/text'],
    ['a mrkdwn header', [{ type: 'header', text: mrkdwn('Title') }], '/blocks/0/text/type'],
    ['26 actions elements', [actions(distinctButtons(26))], '/blocks/0/elements'],
    ['an empty actions block', [actions([])], '/blocks/0/elements'],
    [
      '11 context elements',
      [{ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) }],
      '/elements',
    ],
    ['button text of 76', [actions([button({ text: plain(chars(76)) })])], '/blocks/0/elements/0/text/text'],
    ['a mrkdwn button text', [actions([button({ text: mrkdwn('Go') })])], '/blocks/0/elements/0/text/type'],
    ['button value of 2001', [actions([button({ value: chars(2001) })])], '/blocks/0/elements/0/value'],
    ['action_id of 256', [actions([button({ action_id: chars(256) })])], '/blocks/0/elements/0/action_id'],
    ['a repeated action_id in a block', [actions([button(), button()])], '/blocks/0/elements/1/action_id'],
    ['an unknown button style', [actions([button({ style: 'warning' })])], '/blocks/0/elements/0/style'],
    ['confirm text of 301', [actions([button({ confirm: confirm(chars(301)) })])], '/elements/0/confirm/text/text'],
    ['block_id of 256', [{ type: 'divider', block_id: chars(256) }], '/blocks/0/block_id'],
    [
      'a repeated block_id',
      [
        { type: 'divider', block_id: 'b' },
        { type: 'divider', block_id: 'b' },
      ],
      '/blocks/1/block_id',
    ],
    [
      'an accessory button text of 76',
      [{ ...section('s'), accessory: button({ text: plain(chars(76)) }) }],
      'accessory',
    ],
    ['an unknown block type', [{ type: 'carousel' }], '/blocks/0/type'],
  ])('answers invalid_blocks for %s, pointing at the field', (_name, blocks, pointer) => {
    // Act
    const problem = checkMessageLimits({ text: 'fallback', blocks });

    // Assess
    expect(problem?.error).toBe('invalid_blocks');
    expect(problem?.errors.join('\n')).toContain(pointer);
  });

  it('words a length problem as Slack does', () => {
    // Act
    const problem = checkMessageLimits({ blocks: [section(chars(3001))] });

    // Assess
    expect(problem?.errors).toEqual(['must be less than 3001 characters [json-pointer:/blocks/0/text/text]']);
  });

  it('answers msg_too_long for top-level text over 40,000 characters', () => {
    // Act
    const problem = checkMessageLimits({ text: chars(40_001) });

    // Assess
    expect(problem?.error).toBe('msg_too_long');
  });

  it('answers msg_blocks_too_long when the blocks are valid one by one but too large together', () => {
    // Prepare: 5 sections of 2,900 characters are each under 3,000 and over 13,000 together.
    const blocks = Array.from({ length: 5 }, () => section(chars(2900)));

    // Act
    const problem = checkMessageLimits({ text: 'fallback', blocks });

    // Assess
    expect(JSON.stringify(blocks).length).toBeGreaterThan(BLOCK_KIT_LIMITS.blocksJson);
    expect(problem?.error).toBe('msg_blocks_too_long');
  });

  it.each([
    ['a JSON object', { type: 'section' }],
    ['unparsable JSON left as a string', '[{"type":'],
  ])('answers invalid_blocks_format for %s', (_name, blocks) => {
    // Act & Assess
    expect(checkMessageLimits({ blocks })?.error).toBe('invalid_blocks_format');
  });
});
