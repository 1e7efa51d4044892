import { describe, expect, it } from 'vitest';
import {
  context,
  header,
  LIMITS,
  section,
  sectionsOf,
  withinBlockLimit,
} from '../../../../src/core/messages/blocks.js';

describe('blocks', () => {
  it('keeps a header within 150 characters', () => {
    const block = header('x'.repeat(200));

    expect(block).toMatchObject({ type: 'header' });
    expect((block as { text: { text: string } }).text.text).toHaveLength(LIMITS.header);
  });

  it('gives a section a block id when asked', () => {
    expect(section('hello', 'b1')).toEqual({
      type: 'section',
      block_id: 'b1',
      text: { type: 'mrkdwn', text: 'hello' },
    });
  });

  it('keeps at most 10 context elements', () => {
    const block = context(...Array.from({ length: 12 }, (_, position) => `e${position}`));

    expect((block as { elements: unknown[] }).elements).toHaveLength(10);
  });

  it('gathers lines into sections without splitting a line', () => {
    const lines = Array.from({ length: 100 }, (_, position) => `• \`index-${position}\` ${'x'.repeat(50)}`);

    const sections = sectionsOf(lines);
    const texts = sections.map((block) => (block as { text: { text: string } }).text.text);

    expect(sections.length).toBeGreaterThan(1);
    expect(texts.every((text) => text.length <= LIMITS.section)).toBe(true);
    expect(texts.join('\n').split('\n')).toEqual(lines);
  });

  it('keeps a message within 50 blocks and keeps its last block', () => {
    const blocks = [...Array.from({ length: 60 }, (_, position) => section(`s${position}`)), context('footer')];

    const kept = withinBlockLimit(blocks);

    expect(kept).toHaveLength(LIMITS.blocks);
    expect(kept.at(-1)).toEqual(context('footer'));
    expect(withinBlockLimit(blocks.slice(0, 3))).toHaveLength(3);
  });
});
