import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentencesIn } from './sentences-outside-catalog.js';

/** Files whose words nobody reads in a channel: English by design. */
const NOT_FOR_THE_CHANNEL = [
  // Start-up errors for operators, naming the key to fix; the shared schemas' messages surface there too.
  'src/config/',
  'src/core/model/',
  'src/handlers/aws-runtime.ts',
  // The job store's own errors: never shown, the edge shows a reference to the log line instead.
  'src/adapters/dynamodb/',
  // Development tooling: the terminal of `npm start` and the local clusters.
  'src/local/',
  // The lease owner in a refused claim or telling: only workers see it, in their log.
  'src/core/jobs/transitions.ts',
  'src/core/jobs/outcome-telling.ts',
];

/** Texts that look like words but are syntax. */
const SYNTAX = new Set([
  // The one verb of two words, as the grammar matches it.
  'repo register',
  // The engines' and the managed service's own English, matched in their answers (adapters/cluster/cluster-errors.ts).
  'no such index',
  'open index with same name',
  'cannot restore index',
  'snapshot does not exist',
  'is not allowed',
  // Kinds of names, as keys: the catalog says them in each language (usage-words.ts).
  'index pattern',
  'path segment',
  // Its usage line after the `${COMMAND_PREFIX}` placeholder: syntax, like every verb's usage line.
  '\u0000 repo register <cluster> <repo> [type=s3|fs] [bucket=… region=… role_arn=… base_path=… location=… readonly=true]',
]);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

describe('words outside the catalog', () => {
  it('finds no string a person reads anywhere in src but src/core/words', () => {
    const skipped = ['src/core/words/', ...NOT_FOR_THE_CHANNEL];
    const files = sourceFiles('src').filter((file) => !skipped.some((prefix) => file.startsWith(prefix)));

    const findings = files.flatMap((file) => sentencesIn(file, readFileSync(file, 'utf8'), SYNTAX));

    expect(findings).toEqual([]);
  });

  it.each([
    ['a hard-coded reply', `const reply = textMessage(\`Job \${jobId} is cancelled.\`);`, 'Job {…} is cancelled.'],
    ['a sentence in a plain string', "return { detail: 'all steps done' };", 'all steps done'],
    ['Japanese anywhere', "const title = 'ジョブ';", 'ジョブ'],
    ['words in a shown error', "throw new UsageError('there is no cluster');", 'there is no cluster'],
    ['words inside a placeholder', `const line = \`\${ok ? names : "already gone now"}\`;`, 'already gone now'],
  ])('reports %s', (_case, source, text) => {
    expect(sentencesIn('sample.ts', source)).toEqual([{ file: 'sample.ts', line: 1, text }]);
  });

  it('leaves alone what nobody reads in a channel: logs, unshown errors, modules, keys, types, syntax', () => {
    const source = [
      "import { thing } from './a module.js';",
      "context.logger.info({ jobId }, 'approval request expired');",
      "logger.error({ err }, 'poll tick failed');",
      `throw new Error(\`a \${kind} job has no snapshot\`);`,
      "class StoreError extends Error { constructor() { super('job store could not read'); } }",
      "const headers = { 'two words': 1 };",
      "type Kind = 'index pattern' | 'snapshot';",
      "const verb = 'repo register';",
      `const code = \`:white_check_mark: \${text}\`;`,
    ].join('\n');

    expect(sentencesIn('sample.ts', source, SYNTAX)).toEqual([]);
  });
});
