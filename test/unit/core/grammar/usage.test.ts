import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../../src/core/commands/index.js';
import { VERBS } from '../../../../src/core/grammar/command-request.js';
import { escapeMrkdwn, helpText } from '../../../../src/core/grammar/usage.js';

describe('helpText', () => {
  it('lists every command on its own line, in order', () => {
    // Act
    const text = helpText(undefined);

    // Assess
    const lines = text.split('\n');
    expect(lines).toHaveLength(COMMANDS.length + 2);
    COMMANDS.forEach((command, position) => {
      expect(lines[position + 1]).toBe(`\`${escapeMrkdwn(command.usage)}\` ${command.summary}`);
    });
  });

  it('names the commands that wait for approval', () => {
    // Act
    const text = helpText(undefined);

    // Assess
    expect(text).toContain('Waits for approval: delete, delete-index, restore, migrate.');
  });

  it('escapes the angle brackets Slack would read as links', () => {
    // Act
    const text = helpText(undefined);

    // Assess
    expect(text).toContain('`/es snapshot repos &lt;cluster&gt;`');
    expect(text).not.toMatch(/<cluster>/);
  });

  it('explains one command with its notes and an example', () => {
    // Act
    const text = helpText('restore');

    // Assess
    expect(text.split('\n')).toEqual([
      '`/es snapshot restore &lt;cluster&gt; &lt;repo&gt; &lt;snapshot&gt; indices=a,b [rename=pat:repl] [replace]`',
      'Restore indices from a snapshot.',
      'Waits for an approver before it runs.',
      '• indices= is required: restoring everything would include the system indices.',
      '• `replace` deletes the existing indices of the same names first; rename= restores beside them instead.',
      '• rename= splits at the first colon; write \\: for a colon in the pattern.',
      'Example: `/es snapshot restore prod migration nightly-2026.11.02 indices=logs-* rename=(.+):restored-$1`',
    ]);
  });

  it.each(VERBS)('gives %s a usage line and an example', (verb) => {
    // Act
    const lines = helpText(verb).split('\n');

    // Assess
    expect(lines[0]).toMatch(/^`\/es snapshot /);
    expect(lines.at(-1)).toMatch(/^Example: `\/es snapshot /);
  });

  it('leaves out the approval line for a read-only command', () => {
    // Act
    const text = helpText('list');

    // Assess
    expect(text).not.toContain('approver');
  });
});

describe('escapeMrkdwn', () => {
  it('turns &, < and > into entities', () => {
    // Act
    const escaped = escapeMrkdwn('a & <b> <!channel>');

    // Assess
    expect(escaped).toBe('a &amp; &lt;b&gt; &lt;!channel&gt;');
  });
});
