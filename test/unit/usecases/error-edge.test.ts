import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { JobNotFoundError } from '../../../src/core/errors.js';
import { catalogFor } from '../../../src/core/words/catalog.js';
import { replyToError } from '../../../src/usecases/error-edge.js';

function recordingContext(language: 'en' | 'ja' = 'en') {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const context = { catalog: catalogFor(language), ids: { newId: () => 'ref123', jobIdFor: () => 'j' }, logger };
  return { context, lines };
}

describe('replyToError', () => {
  it('says a refusal in words and logs it at info without a stack', () => {
    const { context, lines } = recordingContext();

    const reply = replyToError(context, new JobNotFoundError('job00009'), { userId: 'U1' });

    expect(reply.text).toBe(
      ':warning: there is no job job00009\nTry: List jobs with /es snapshot jobs, or your own with /es snapshot jobs mine.',
    );
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, userId: 'U1', code: 'job_not_found', msg: 'refused' }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('stack');
  });

  it('wraps an unknown error once: the reply points at the log line, which has the error at error level', () => {
    const { context, lines } = recordingContext();

    const reply = replyToError(context, new TypeError('token=xoxb-secret is undefined'));

    expect(reply.text).toContain('reference `ref123`');
    expect(reply.text).not.toContain('xoxb');
    expect(lines).toEqual([expect.objectContaining({ level: 50, reference: 'ref123', msg: 'failed unexpectedly' })]);
    expect(JSON.stringify(lines[0])).toContain('xoxb-secret');
  });

  it('speaks the channel language', () => {
    const { context } = recordingContext('ja');

    expect(replyToError(context, new Error('boom')).text).toContain('参照番号 `ref123`');
  });
});
