import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../../src/core/commands/index.js';
import { VERBS } from '../../../../src/core/grammar/command-request.js';
import { type ApprovalPolicies, escapeMrkdwn, helpText } from '../../../../src/core/grammar/usage.js';
import { JobKind as KINDS } from '../../../../src/core/jobs/job-states.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { buildPolicy } from '../../../fixtures/plans.js';

const en = catalogFor('en');
const ja = catalogFor('ja');

/** Two clusters with the default policy: what waits is the same on both. */
const SAME: ApprovalPolicies = new Map([
  ['prod', buildPolicy()],
  ['staging', buildPolicy()],
]);

describe('helpText', () => {
  it('lists every command on its own line, in order', () => {
    // Act
    const text = helpText(undefined, en, SAME);

    // Assess
    const lines = text.split('\n');
    expect(lines).toHaveLength(COMMANDS.length + 2);
    COMMANDS.forEach((command, position) => {
      expect(lines[position + 1]).toBe(`\`${escapeMrkdwn(command.usage)}\` ${en.helpVerbs[command.verb].summary}`);
    });
  });

  it('names the commands that wait for approval, as the clusters’ policies say', () => {
    // Act
    const text = helpText(undefined, en, SAME);

    // Assess
    expect(text).toContain(
      'Waits for approval: delete, delete-index, restore, migrate, cancel of a running restore. `/es snapshot help &lt;command&gt;` shows one command with an example.',
    );
  });

  it('names the clusters where a command waits when they differ', () => {
    // Prepare
    const policies: ApprovalPolicies = new Map([
      ['prod', buildPolicy()],
      ['staging', buildPolicy({ autoRun: ['repo-register', 'snapshot-create', 'restore', 'index-delete'] })],
      ['dev', buildPolicy({ autoRun: ['repo-register', 'snapshot-create', 'restore', 'index-delete'] })],
    ]);

    // Act
    const text = helpText(undefined, en, policies);

    // Assess
    expect(text).toContain(
      'Waits for approval: delete, delete-index (on prod), restore (on prod), migrate, cancel of a running restore (on prod).',
    );
  });

  it.each([
    [en, /^Nothing waits for approval\. /],
    [ja, /^承認を待つコマンドはありません。/],
  ])('says so when nothing waits', (words, expected) => {
    // Prepare
    const policies: ApprovalPolicies = new Map([['dev', buildPolicy({ autoRun: Object.values(KINDS) })]]);

    // Act
    const text = helpText(undefined, words, policies);

    // Assess
    expect(text.split('\n').at(-1)).toMatch(expected);
    expect(helpText('cancel', words, policies)).not.toContain(words.helpCancelWaits(undefined));
  });

  it('escapes the angle brackets Slack would read as links', () => {
    // Act
    const text = helpText(undefined, en, SAME);

    // Assess
    expect(text).toContain('`/es snapshot repos &lt;cluster&gt;`');
    expect(text).not.toMatch(/<cluster>/);
  });

  it('explains one command with its notes and an example', () => {
    // Act
    const text = helpText('restore', en, SAME);

    // Assess
    expect(text.split('\n')).toEqual([
      '`/es snapshot restore &lt;cluster&gt; &lt;repo&gt; &lt;snapshot&gt; indices=a,b [rename=pat:repl] [replace]`',
      'Restore indices from a snapshot.',
      'Waits for an approver before it runs.',
      '• indices= is required; it takes names, patterns and exclusions read in order against the snapshot’s indices: logs-*,-logs-debug-*.',
      '• Left out, and listed with the reason on the approval message: system indices (.kibana*, .opendistro*, .opensearch*, .plugins*, .security*, .tasks, .ql-datasources, .replication-metadata-store), protected ones, ones hidden on this cluster, and names starting with a dot (a snapshot does not say which are hidden). A list that reaches only those is refused.',
      '• `replace` deletes the existing indices of the same names first; rename= restores beside them instead.',
      '• rename= splits at the first colon; write \\: for a colon in the pattern.',
      '• A preflight checks the repository, versions, name and write-alias clashes, disk under the high watermark and the shard limit before the approval message; a failed check refuses the request and says what to do.',
      `• rename= is read as the cluster reads it (Java's rules): $0 is the whole match, $1… a group, \${name} a named group, \\$ a dollar sign; the plan shows each new name.`,
      'Example: `/es snapshot restore prod migration nightly-2026.11.02 indices=logs-* rename=(.+):restored-$1`',
    ]);
  });

  it('says on which clusters one command waits', () => {
    // Prepare
    const policies: ApprovalPolicies = new Map([
      ['prod', buildPolicy()],
      ['dev', buildPolicy({ autoRun: ['restore', 'index-delete'] })],
    ]);

    // Act
    const restore = helpText('restore', en, policies).split('\n');
    const cancel = helpText('cancel', en, policies).split('\n');
    const cancelEverywhere = helpText('cancel', en, SAME).split('\n');

    // Assess
    expect(restore[2]).toBe('Waits for an approver before it runs on prod.');
    expect(cancel[2]).toBe(
      'Stopping a running restore deletes the indices still restoring, which waits for an approver on prod.',
    );
    expect(cancelEverywhere[2]).toBe(
      'Stopping a running restore deletes the indices still restoring, which waits for an approver.',
    );
  });

  it.each(VERBS)('gives %s a usage line and an example', (verb) => {
    // Act
    const lines = helpText(verb, en, SAME).split('\n');

    // Assess
    expect(lines[0]).toMatch(/^`\/es snapshot /);
    expect(lines.at(-1)).toMatch(/^Example: `\/es snapshot /);
  });

  it('leaves out the approval line for a read-only command', () => {
    // Act
    const text = helpText('list', en, SAME);

    // Assess
    expect(text).not.toContain('approver');
  });

  it('speaks Japanese with the same usage lines', () => {
    // Act
    const overview = helpText(undefined, ja, SAME).split('\n');
    const restore = helpText(
      'restore',
      ja,
      new Map([
        ['prod', buildPolicy()],
        ['dev', buildPolicy({ autoRun: ['restore', 'snapshot-delete'] })],
      ]),
    ).split('\n');

    // Assess
    expect(overview[0]).toBe('*/es snapshot*: このチャンネルからスナップショット、復元、移行を行います。');
    expect(overview.at(-1)).toBe(
      '承認を待つもの: delete、delete-index、restore、migrate、実行中の復元の cancel。`/es snapshot help &lt;command&gt;` で1つのコマンドを例とともに表示します。',
    );
    expect(restore[0]).toBe(helpText('restore', en, SAME).split('\n')[0]);
    expect(restore[2]).toBe('prod では実行前に承認者の承認を待ちます。');
    expect(restore.at(-1)).toMatch(/^例: `\/es snapshot restore /);
    expect(helpText('restore', ja, SAME).split('\n')[2]).toBe('実行前に承認者の承認を待ちます。');
    expect(helpText('cancel', ja, SAME).split('\n')[2]).toBe(
      '実行中の復元を止めると復元中のインデックスを削除するため、承認者の承認を待ちます。',
    );
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
