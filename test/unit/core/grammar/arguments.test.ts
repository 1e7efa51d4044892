import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../src/core/errors.js';
import {
  type ArgumentSpec,
  type ParsedArguments,
  parseBoolean,
  parseClusterAlias,
  parseInteger,
  parseJobId,
  parseList,
  readArguments,
  requirePositionals,
  shown,
  splitList,
} from '../../../../src/core/grammar/arguments.js';
import { tokenize } from '../../../../src/core/grammar/tokenize.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { thrownBy } from './thrown-by.js';

const CONTEXT = { command: 'restore', usage: '/es snapshot restore <cluster>' };
const SPEC: ArgumentSpec = { maxPositionals: 2, options: ['indices', 'rename'], flags: ['replace'] };

function read(text: string, spec: ArgumentSpec = SPEC): ParsedArguments {
  return readArguments(tokenize(text), spec, CONTEXT);
}

function withOptions(options: Record<string, string>, positionals: string[] = []): ParsedArguments {
  return { ...CONTEXT, positionals, options: new Map(Object.entries(options)), flags: new Set() };
}

describe('readArguments', () => {
  it('sorts names, options and flags wherever they stand', () => {
    // Act
    const args = read('INDICES=a prod REPLACE repo Rename=x:y');

    // Assess
    expect(args.positionals).toEqual(['prod', 'repo']);
    expect([...args.options]).toEqual([
      ['indices', 'a'],
      ['rename', 'x:y'],
    ]);
    expect([...args.flags]).toEqual(['replace']);
    expect(args.usage).toBe(CONTEXT.usage);
  });

  it('keeps the case of option values and splits at the first "="', () => {
    // Act
    const args = read('rename=A=b:C');

    // Assess
    expect(args.options.get('rename')).toBe('A=b:C');
  });

  it('reads a quoted flag word as a name', () => {
    // Act
    const args = read('"replace"');

    // Assess
    expect(args.positionals).toEqual(['replace']);
    expect(args.flags.size).toBe(0);
  });

  it('reads flag words as names for a verb without flags', () => {
    // Act
    const args = read('replace', { maxPositionals: 1 });

    // Assess
    expect(args.positionals).toEqual(['replace']);
  });

  it('joins the extra words of a list name into one comma list', () => {
    // Act
    const args = read('prod a, b c', { maxPositionals: 2, variadic: true });

    // Assess
    expect(args.positionals).toEqual(['prod', 'a,,b,c']);
  });

  it.each([
    ['foo=1', 'unknown option "foo=": restore takes indices=, rename= and replace'],
    ['=1', 'unknown option "=": restore takes indices=, rename= and replace'],
    ['indices=a indices=b', '"indices=" is given twice'],
    ['indices=a INDICES=b', '"indices=" is given twice'],
    ['indices=', '"indices=" needs a value'],
    ['replace Replace', '"replace" is given twice'],
    ['a b c', 'unexpected "c"'],
    ['a b indices=x, y', 'unexpected "y": write a list without spaces (a,b) or quote it ("a, b")'],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => read(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe(CONTEXT.usage);
  });

  it.each([
    [{ maxPositionals: 0 }, 'restore takes no options'],
    [{ maxPositionals: 0, options: ['limit'] }, 'restore takes limit='],
  ])('names what the verb takes when an option is unknown (%j)', (spec, expected) => {
    // Act
    const error = thrownBy(() => read('x=1', spec));

    // Assess
    expect(error.message).toBe(`unknown option "x=": ${expected}`);
  });
});

describe('requirePositionals', () => {
  it('returns the required names in order', () => {
    // Act
    const names = requirePositionals(withOptions({}, ['prod', 'repo', 'extra']), ['cluster', 'repo']);

    // Assess
    expect(names).toEqual(['prod', 'repo']);
  });

  it('names the first missing one', () => {
    // Act
    const error = thrownBy(() => requirePositionals(withOptions({}, ['prod']), ['cluster', 'repo', 'snapshot']));

    // Assess
    expect(error.message).toBe('missing <repo>');
    expect(error.hint).toBe(CONTEXT.usage);
  });
});

describe('splitList and parseList', () => {
  it.each([
    ['a,b*', ['a', 'b*']],
    [' a , b ,, a ', ['a', 'b']],
    [',,', []],
  ])('splits %j', (value, expected) => {
    // Act
    const items = splitList(value);

    // Assess
    expect(items).toEqual(expected);
  });

  it('checks every item and returns what the check returns', () => {
    // Act
    const items = parseList(withOptions({ indices: 'a,b' }), 'indices', (item) => item.toUpperCase());

    // Assess
    expect(items).toEqual(['A', 'B']);
  });

  it('is empty when the option is left out', () => {
    // Act
    const items = parseList(withOptions({}), 'indices', (item) => item);

    // Assess
    expect(items).toEqual([]);
  });

  it('refuses a list of nothing', () => {
    // Act
    const error = thrownBy(() => parseList(withOptions({ indices: ' , ' }), 'indices', (item) => item));

    // Assess
    expect(error.message).toBe('"indices=" lists nothing');
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
  ])('reads %j', (value, expected) => {
    // Act
    const flag = parseBoolean(withOptions({ readonly: value }), 'readonly');

    // Assess
    expect(flag).toBe(expected);
  });

  it('is undefined when left out', () => {
    // Act
    const flag = parseBoolean(withOptions({}), 'readonly');

    // Assess
    expect(flag).toBeUndefined();
  });

  it('refuses anything but true and false', () => {
    // Act
    const error = thrownBy(() => parseBoolean(withOptions({ readonly: 'yes' }), 'readonly'));

    // Assess
    expect(error.message).toBe('"readonly=" takes true or false, not "yes"');
  });
});

describe('parseInteger', () => {
  const RANGE = { min: 1, max: 200, fallback: 20 };

  it.each([
    ['1', 1],
    ['200', 200],
    ['007', 7],
  ])('reads %j', (value, expected) => {
    // Act
    const number = parseInteger(withOptions({ limit: value }), 'limit', RANGE);

    // Assess
    expect(number).toBe(expected);
  });

  it('falls back when left out', () => {
    // Act
    const number = parseInteger(withOptions({}), 'limit', RANGE);

    // Assess
    expect(number).toBe(20);
  });

  it.each(['0', '201', '-1', '1.5', '1e2', 'ten', '9999999'])('refuses %j', (value) => {
    // Act
    const error = thrownBy(() => parseInteger(withOptions({ limit: value }), 'limit', RANGE));

    // Assess
    expect(error.message).toBe(`"limit=" takes a whole number from 1 to 200, not "${value}"`);
  });
});

describe('parseClusterAlias and parseJobId', () => {
  it.each([
    ['prod', 'prod'],
    ['PROD-eu_1', 'prod-eu_1'],
    ['a'.repeat(32), 'a'.repeat(32)],
  ])('reads the cluster alias %j', (value, expected) => {
    // Act
    const alias = parseClusterAlias(withOptions({}), value);

    // Assess
    expect(alias).toBe(expected);
  });

  it.each(['-prod', '_prod', 'a'.repeat(33), 'pr.od', 'pröd'])('refuses the cluster alias %j', (value) => {
    // Act
    const error = thrownBy(() => parseClusterAlias(withOptions({}), value));

    // Assess
    expect(error.message).toContain('is not a cluster alias');
    expect(error.message).toContain('/es snapshot clusters');
  });

  it.each([
    ['k3x9q2', 'k3x9q2'],
    ['K3X9Q2M7', 'k3x9q2m7'],
  ])('reads the job id %j', (value, expected) => {
    // Act
    const jobId = parseJobId(withOptions({}), value);

    // Assess
    expect(jobId).toBe(expected);
  });

  it.each(['k3x9q', 'k3x9-q2', 'a'.repeat(33)])('refuses the job id %j', (value) => {
    // Act
    const error = thrownBy(() => parseJobId(withOptions({}), value));

    // Assess
    expect(error.message).toContain('is not a job id: 6 to 32 letters and digits');
  });
});

describe('shown, and the options an error lists', () => {
  it.each([
    ['short', 'short'],
    ['x'.repeat(40), 'x'.repeat(40)],
    ['x'.repeat(41), `${'x'.repeat(39)}…`],
  ])('shows %j in messages as %j', (text, expected) => {
    // Act
    const display = shown(text);

    // Assess
    expect(display).toBe(expected);
  });

  it.each([
    [[], 'no options'],
    [['a='], 'a='],
    [['a=', 'b'], 'a= and b'],
    [['a=', 'b=', 'c'], 'a=, b= and c'],
  ])('lists %j as %j', (items, expected) => {
    // Act
    const text = catalogFor('en').unknownOption('x', 'list', items);

    // Assess
    expect(text).toBe(`unknown option "x=": list takes ${expected}`);
  });
});
