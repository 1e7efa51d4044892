import { describe, expect, it } from 'vitest';
import { recordedIn, shapeOf, withRecorded } from '../../integration/docs/recorded-examples.js';

describe("the README's recorded examples", () => {
  const readme = 'Intro\n\n  <!-- recorded: reply -->\n  ```\n  old\n  ```\n  <!-- /recorded -->\n\nOutro\n';

  it('replaces an example in place, indented as its marker, and reads it back', () => {
    const written = withRecorded(readme, { reply: 'line one\n\nline two' });

    expect(written).toBe(
      'Intro\n\n  <!-- recorded: reply -->\n  ```\n  line one\n\n  line two\n  ```\n  <!-- /recorded -->\n\nOutro\n',
    );
    expect(recordedIn(written, 'reply')).toBe('line one\n\nline two');
    expect(recordedIn(written, 'other')).toBeUndefined();
    expect(() => withRecorded(readme, { other: 'x' })).toThrowError('README.md has no <!-- recorded: other --> marker');
  });

  it('gives two recordings of one message the same shape, whatever their ids, sizes, durations and counts', () => {
    const first =
      'Plan `aadaafa4` · Job `esxvxetjgf` · `/es snapshot job esxvxetjgf`\n' +
      '• `a-to-b-2026.12.03-1046-3a92gu` — 600 docs, 862 KB · took 9 s · ▓▓░░';
    const second =
      'Plan `abcdefab` · Job `3a92gu7rbj` · `/es snapshot job 3a92gu7rbj`\n' +
      '• `a-to-b-2026.12.04-0907-qwerty` — 1,200 docs, 1.9 MB · took 1 m 5 s · ▓░░░';

    expect(shapeOf(first)).toBe(shapeOf(second));
    expect(shapeOf(first)).not.toBe(shapeOf(first.replace('docs', 'documents')));
  });
});
