import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { boltLogger } from '../../../../src/adapters/slack/bolt-logger.js';
import { createLogger } from '../../../../src/logging/logger.js';

function boltLoggerInto(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, bolt: boltLogger(createLogger({ level, destination })) };
}

describe('boltLogger', () => {
  it('logs objects as fields, not as text', () => {
    const { lines, bolt } = boltLoggerInto();

    bolt.info('Slack API error:', { headers: { 'X-Slack-Signature': 'v0=abc' }, ok: false });

    expect(lines[0]).toMatchObject({
      component: 'bolt',
      msg: 'Slack API error:',
      detail: { headers: { 'X-Slack-Signature': '[redacted]' }, ok: false },
    });
  });

  it('parses the JSON Bolt stringified back into fields', () => {
    const { lines, bolt } = boltLoggerInto();
    const event = { headers: { 'x-slack-signature': 'v0=abc' }, body: 'token=t0k&response_url=http%3A%2F%2Fx' };

    bolt.debug(`AWS event: ${JSON.stringify(event, null, 2)}`);

    expect(lines[0]).toMatchObject({
      level: 20,
      msg: 'AWS event',
      detail: { headers: { 'x-slack-signature': '[redacted]' }, body: 'token=[redacted]&response_url=[redacted]' },
    });
  });

  it('leaves a line below the level alone: the event Bolt stringified is not parsed back', () => {
    const { lines, bolt } = boltLoggerInto('info');
    const parse = vi.spyOn(JSON, 'parse');

    bolt.debug('AWS event: {"body":"token=t0k"}');
    const parses = parse.mock.calls.length;
    parse.mockRestore();

    expect(lines).toEqual([]);
    expect(parses).toBe(0);
  });

  it('decodes a base64-encoded request body, so that its secrets are redacted too', () => {
    const { lines, bolt } = boltLoggerInto();
    const body = Buffer.from('token=t0k&team_id=T1').toString('base64');

    bolt.debug(`AWS event: ${JSON.stringify({ body, isBase64Encoded: true })}`);

    expect(lines[0]).toMatchObject({ detail: { body: 'token=[redacted]&team_id=T1', isBase64Encoded: false } });
  });

  it('keeps a text that only looks like JSON as text', () => {
    const { lines, bolt } = boltLoggerInto();

    bolt.warn('Error details: [object Object]');

    expect(lines[0]).toMatchObject({ level: 40, msg: 'Error details: [object Object]' });
  });

  it('logs an error as err, its message as the message when there is no text', () => {
    const { lines, bolt } = boltLoggerInto();

    bolt.error(new Error('socket closed'), { attempt: 2 }, { reason: 'x' });

    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'socket closed',
      err: { type: 'Error', message: 'socket closed' },
      detail: [{ attempt: 2 }, { reason: 'x' }],
    });
  });

  it.each([
    ['debug', LogLevel.DEBUG],
    ['info', LogLevel.INFO],
    ['warn', LogLevel.WARN],
    ['error', LogLevel.ERROR],
    ['silent', LogLevel.ERROR],
  ])('tells Bolt the level %s', (level, expected) => {
    const { bolt } = boltLoggerInto(level);

    bolt.setLevel(LogLevel.DEBUG);
    bolt.setName('ignored');

    expect(bolt.getLevel()).toBe(expected);
  });
});
