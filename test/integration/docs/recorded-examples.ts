/** The README's recorded examples by name: the text of each, as the channel shows it. */
type RecordedExamples = Record<string, string>;

/**
 * A recorded example in the README sits between `<!-- recorded: <name> -->` and `<!-- /recorded -->`, in a fenced
 * block indented as the marker is (inside a list item too).
 */
function markerPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^( *)<!-- recorded: ${escaped} -->\\n[\\s\\S]*?^ *<!-- /recorded -->$`, 'm');
}

/** The example `name` as the README shows it now, or undefined when the README has no such marker. */
function recordedIn(readme: string, name: string): string | undefined {
  const found = markerPattern(name).exec(readme);
  if (found === null) return undefined;
  const indent = found[1] ?? '';
  const lines = found[0].split('\n').slice(2, -2);
  return lines.map((line) => line.slice(indent.length)).join('\n');
}

/** The README with each example replaced by its new recording; a name without a marker is an error. */
function withRecorded(readme: string, examples: RecordedExamples): string {
  return Object.entries(examples).reduce((text, [name, example]) => {
    const pattern = markerPattern(name);
    const found = pattern.exec(text);
    if (found === null) throw new Error(`README.md has no <!-- recorded: ${name} --> marker`);
    const indent = found[1] ?? '';
    const body = ['```', ...example.split('\n'), '```'].map((line) => (line === '' ? '' : `${indent}${line}`));
    const block = [`${indent}<!-- recorded: ${name} -->`, ...body, `${indent}<!-- /recorded -->`].join('\n');
    return text.replace(pattern, () => block);
  }, readme);
}

/**
 * What stays the same between two recordings of one example: the words and the layout, with ids, sizes, durations
 * and counts, which change from run to run, reduced to placeholders.
 */
function shapeOf(example: string): string {
  return (
    example
      .replace(/-\d{4}-[a-z0-9]{6}\b/g, '-TIME-ID')
      // Job ids and plan digests may hold no digit at all; a word of ten letters becomes ID on both sides alike.
      .replace(/\b[a-z0-9]{10}\b/g, 'ID')
      .replace(/Plan `[0-9a-f]{8}`/g, 'Plan `ID`')
      .replace(/\b(?=[a-z]*\d)[a-z0-9]{6,10}\b/g, 'ID')
      .replace(/\d[\d,]*(\.\d+)? (B|KB|MB|GB|TB)\b/g, 'SIZE')
      .replace(/<?\d+ (h|m|s)( \d+ (m|s))?\b/g, 'DURATION')
      .replace(/\d[\d,.]*/g, '9')
      .replace(/[▓░]+/g, 'BAR')
  );
}

export { type RecordedExamples, recordedIn, shapeOf, withRecorded };
