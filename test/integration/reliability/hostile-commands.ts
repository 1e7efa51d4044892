import fc from 'fast-check';

/**
 * Command texts an attacker, a tired operator or a copy-paste accident could type: every verb with names made of
 * what breaks parsers, URLs and mentions — unicode of every kind, 10 kB strings, `_all`, `*`, `../`, `%2F`,
 * quotes, Slack links and mentions, system index names.
 */
const HOSTILE_WORDS = [
  '_all',
  '*',
  '*,-.kibana',
  '.*',
  '../',
  '..',
  '../../_cluster/settings',
  '%2F',
  '%2e%2e%2f',
  'a%2Fb',
  'a/b',
  '\\',
  '"',
  "'",
  '\u201cquoted\u201d',
  '<http://evil.example/|logs-1>',
  '<mailto:x@example.com|x>',
  '<@U0APPROVER>',
  '<!channel>',
  '<!here>',
  '<!subteam^S0SRE>',
  '<#C0OPS|ops>',
  '&amp;',
  '&lt;script&gt;',
  '?pretty',
  '#frag',
  '.kibana',
  '.kibana_1',
  '.opendistro_security',
  '.plugins-ml-config',
  '.ds-logs-2026.11.01-000001',
  '_snapshot',
  '_cluster',
  '-',
  '+logs',
  'logs-*',
  'e2e-hostile-*',
  'e2e-hostile-1',
  'replace',
  'rename=(.+):x',
  'indices=*',
  'location=/etc',
  'type=s3',
  'bucket=cs-evil',
  '\u0000',
  '\u0007',
  '\u202eevil',
  'zero\u200bwidth',
  'e\u0301',
  'ß',
  '\u{1F642}',
  '\uFFFD',
  '\uD800',
  '\uDC00x',
  '\u3000',
  'ログ',
  ',',
  ',,',
  '',
] as const;

const HOSTILE_CHARACTERS = [...'*/\\.%,?#"\'<>|&@!^:=_-+ \t\u00a0\u200b\u202e\u3000\u{1F642}aZ09ü\u201c\u201d'];

const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...HOSTILE_CHARACTERS), minLength: 1, maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...HOSTILE_WORDS).map((hostile) => `${hostile}${'x'.repeat(10_240)}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_WORDS), fc.constantFrom(...HOSTILE_WORDS))
      .map(([x, y]) => `${x}${y}`),
  },
);

/** `x` and `y` placed where each verb takes a name, a list, a pattern or an option. */
const TEMPLATES: ReadonlyArray<(x: string, y: string, repository: string) => string> = [
  (x) => x,
  (x) => `snapshot ${x}`,
  (x) => `snapshot help ${x}`,
  (x) => `snapshot list ${x}`,
  (x) => `snapshot list a ${x}`,
  (x) => `snapshot repos ${x}`,
  (x, y) => `snapshot status a ${x} ${y}`,
  (x, _y, repository) => `snapshot status a ${repository} ${x}`,
  (x, y) => `snapshot delete a ${x} ${y}`,
  (x, _y, repository) => `snapshot delete a ${repository} ${x}`,
  (x) => `snapshot delete-index a ${x}`,
  (x, y) => `snapshot delete-index a ${x},${y}`,
  (x, y) => `snapshot delete-index a ${x} ${y}`,
  (x) => `snapshot delete-index ${x} e2e-hostile-1`,
  (x, y) => `snapshot restore a ${x} ${y}`,
  (x, y, repository) => `snapshot restore a ${repository} ${x} indices=${y}`,
  (x, y, repository) => `snapshot restore a ${repository} e2e-hostile-snap rename=${x}:${y}`,
  (x, _y, repository) => `snapshot restore b ${repository} e2e-hostile-snap indices=${x} replace`,
  (x) => `snapshot migrate a b indices=${x}`,
  (x, y) => `snapshot migrate ${x} ${y}`,
  (x, y) => `snapshot migrate a b indices=e2e-hostile-* rename=${x}:${y}`,
  (x, y) => `snapshot create a ${x} ${y}`,
  (x) => `snapshot create a indices=${x}`,
  (x, y) => `snapshot repo register a ${x} location=${y}`,
  (x, y) => `snapshot repo register a ${x} type=s3 bucket=${y} role_arn=${x}`,
  (x) => `snapshot job ${x}`,
  (x) => `snapshot jobs ${x}`,
  (x) => `snapshot cancel ${x}`,
  (x) => `snapshot approve ${x}`,
];

/** `count` command texts, the same ones on every run of the same seed. */
function hostileCommands(count: number, repository: string, seed = 20261202): string[] {
  const command = fc
    .tuple(fc.nat({ max: TEMPLATES.length - 1 }), word, word)
    .map(([template, x, y]) => (TEMPLATES[template] as (typeof TEMPLATES)[number])(x, y, repository));
  return fc.sample(command, { numRuns: count, seed });
}

export { hostileCommands };
