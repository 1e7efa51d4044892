import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logging/logger.js';

function captureLines() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes JSON with the job context', () => {
    const { lines, destination } = captureLines();

    createLogger({ destination }).info({ jobId: 'j1', cluster: 'a', step: 'snapshot' }, 'step started');

    expect(lines[0]).toMatchObject({
      service: 'es-snapshot-bot',
      jobId: 'j1',
      cluster: 'a',
      step: 'snapshot',
      msg: 'step started',
    });
  });

  it('never writes tokens, signatures or credentials', () => {
    const { lines, destination } = captureLines();

    createLogger({ destination }).info(
      {
        botToken: 'xoxb-secret',
        request: { headers: { authorization: 'AWS4-HMAC-SHA256 Signature=abc', 'x-slack-signature': 'v0=abc' } },
        credentials: { secretAccessKey: 'wJalr', sessionToken: 'FwoG' },
      },
      'request',
    );

    const text = JSON.stringify(lines[0]);
    for (const secret of ['xoxb-secret', 'Signature=abc', 'v0=abc', 'wJalr', 'FwoG'])
      expect(text).not.toContain(secret);
  });

  it('redacts at debug level, in child bindings, messages and errors too', () => {
    const { lines, destination } = captureLines();
    const logger = createLogger({ level: 'debug', destination }).child({ request: { Cookie: 'c=1' } });

    logger.debug({ err: new Error('refused xoxb-1-2-3') }, 'posting to https://hooks.slack.com/actions/T/1/x');

    const text = JSON.stringify(lines[0]);
    for (const secret of ['c=1', 'xoxb-1-2-3', 'hooks.slack.com']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ level: 20, err: { type: 'Error' } });
  });
});
