import { describe, expect, it } from 'vitest';
import { InvalidResourceNameError } from '../../../../src/core/errors.js';
import {
  isAutomatedRepository,
  validateIndexExpression,
  validateIndexName,
  validateIndexPattern,
  validateRepositoryName,
  validateSnapshotName,
} from '../../../../src/core/safety/resource-names.js';

describe('validateIndexName', () => {
  it.each(['logs-2026.11', 'orders', '.hidden-index', 'a_b+c'])('accepts %s', (name) => {
    expect(validateIndexName(name)).toBe(name);
  });

  it.each([
    ['', 'is empty'],
    ['has space', 'contains whitespace'],
    ['tab\there', 'contains whitespace'],
    ['bell\u0007', 'control characters'],
    ['logs-\ud800', 'lone surrogate'],
    ['\udfff-logs', 'lone surrogate'],
    ['..', 'contains ".."'],
    ['a..b', 'contains ".."'],
    ['a/b', 'must not contain "/"'],
    ['a?b', 'must not contain "?"'],
    ['a#b', 'must not contain "#"'],
    ['a,b', 'must not contain ","'],
    ['logs-*', 'must not contain "*"'],
    ['a:b', 'must not contain ":"'],
    ['Logs', 'must be lowercase'],
    ['-logs', 'must not start with'],
    ['_all', 'must not start with'],
    ['x'.repeat(256), 'longer than 255 bytes'],
    ['é'.repeat(128), 'longer than 255 bytes'],
  ])('refuses %j because it %s', (name, reason) => {
    expect(() => validateIndexName(name)).toThrowError(reason);
  });
});

it('accepts a name with a well-formed surrogate pair, and shows a broken one without the broken half', () => {
  expect(validateIndexName('logs-\u{1F600}')).toBe('logs-\u{1F600}');
  expect(() => validateIndexName('logs-\ud800')).toThrow(expect.objectContaining({ value: 'logs-\uFFFD' }));
});

describe('validateIndexPattern', () => {
  it.each(['logs-*', 'logs-2026.*.eu', 'orders'])('accepts %s', (pattern) => {
    expect(validateIndexPattern(pattern)).toBe(pattern);
  });

  it.each(['_all', '*', '**', 'Logs-*', '-logs', 'a/b', 'a,b'])('refuses %j', (pattern) => {
    expect(() => validateIndexPattern(pattern)).toThrowError(InvalidResourceNameError);
  });

  it('explains that bare wildcards reach every index', () => {
    expect(() => validateIndexPattern('*')).toThrowError('would match every index');
  });
});

describe('validateIndexExpression', () => {
  it.each(['logs-*', '-logs-debug-*', '-orders'])('accepts %s', (expression) => {
    expect(validateIndexExpression(expression)).toBe(expression);
  });

  it.each(['-', '--logs', '-*', '-Logs', '-a/b'])('refuses %j, checking the pattern after the dash', (expression) => {
    expect(() => validateIndexExpression(expression)).toThrowError(InvalidResourceNameError);
  });
});

describe('validateSnapshotName', () => {
  it.each(['nightly-2026.11.24', 'migrate:a-to-b'])('accepts %s', (name) => {
    expect(validateSnapshotName(name)).toBe(name);
  });

  it.each(['Nightly', '_hidden', 'a b', 'a,b', 'a#b', '../etc'])('refuses %j', (name) => {
    expect(() => validateSnapshotName(name)).toThrowError(InvalidResourceNameError);
  });
});

describe('validateRepositoryName', () => {
  it.each(['migration', 'Migration-Repo'])('accepts %s', (name) => {
    expect(validateRepositoryName(name)).toBe(name);
  });

  it.each(['_repo', 'a/b', 'a b', ''])('refuses %j', (name) => {
    expect(() => validateRepositoryName(name)).toThrowError(InvalidResourceNameError);
  });
});

describe('isAutomatedRepository', () => {
  it.each([
    ['cs-automated', true],
    ['cs-automated-enc', true],
    ['migration', false],
  ])('%s is automated: %s', (name, automated) => {
    expect(isAutomatedRepository(name)).toBe(automated);
  });
});
