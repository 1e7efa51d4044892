import { describe, expect, it } from 'vitest';
import { InvalidResourceNameError, UsageError } from '../../../../src/core/errors.js';
import { parseCommand } from '../../../../src/core/grammar/parse-command.js';
import { thrownBy } from '../grammar/thrown-by.js';

describe('delete-index', () => {
  it.each([
    ['delete-index prod logs-1', ['logs-1']],
    ['delete-index prod logs-1,logs-2*,logs-1', ['logs-1', 'logs-2*']],
    ['delete-index prod logs-1, logs-2', ['logs-1', 'logs-2']],
    ['delete-index prod logs-1 logs-2', ['logs-1', 'logs-2']],
    ['delete-index prod "logs-1 , logs-2,"', ['logs-1', 'logs-2']],
    ['DELETE-INDEX prod .hidden-index', ['.hidden-index']],
    ['delete-index prod logs-*,-logs-keep', ['logs-*', '-logs-keep']],
  ])('reads %j', (text, indices) => {
    // Act
    const request = parseCommand(text);

    // Assess
    expect(request).toEqual({ verb: 'delete-index', cluster: 'prod', indices });
  });

  it.each([
    ['delete-index prod', 'missing <index,…>'],
    ['delete-index prod ,', 'missing <index,…>'],
    [
      'delete-index prod -logs-keep,logs-*',
      'the index list starts with the exclusion "-logs-keep": it would start from every index; name what to include first, e.g. logs-*,-logs-debug-*',
    ],
    ['delete-index prod a indices=b', 'unknown option "indices=": delete-index takes no options'],
  ])('refuses %j', (text, message) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(error.hint).toBe('/es snapshot delete-index <cluster> <index,…>');
  });

  it.each([
    ['delete-index prod _all', 'would match every index'],
    ['delete-index prod *', 'would match every index'],
    ['delete-index prod logs,**', 'would match every index'],
    ['delete-index prod Logs', 'must be lowercase'],
  ])('lets the index pattern validator refuse %j', (text, reason) => {
    // Act
    const error = thrownBy(() => parseCommand(text));

    // Assess
    expect(error).toBeInstanceOf(InvalidResourceNameError);
    expect(error.message).toContain(reason);
  });
});
