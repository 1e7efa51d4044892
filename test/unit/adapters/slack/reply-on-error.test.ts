import type { AnyMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { replyOnError } from '../../../../src/adapters/slack/reply-on-error.js';
import { JobNotFoundError } from '../../../../src/core/errors.js';
import { catalogFor } from '../../../../src/core/words/catalog.js';
import { silentLogger } from '../../../fakes/silent-logger.js';

const context = { catalog: catalogFor('en'), ids: { newId: () => 'ref7', jobIdFor: () => 'j' }, logger: silentLogger };

function middlewareArgs(failure: unknown, withRespond = true) {
  const responses: unknown[] = [];
  const args = {
    body: { user: { id: 'U0CLICKER' } },
    next: async () => {
      throw failure;
    },
    ...(withRespond ? { respond: async (message: unknown) => void responses.push(message) } : {}),
  } as unknown as AnyMiddlewareArgs & { next: () => Promise<void> };
  return { args, responses };
}

describe('replyOnError', () => {
  it('answers whatever a listener throws with one ephemeral reply', async () => {
    const { args, responses } = middlewareArgs(new JobNotFoundError('job00001'));

    await replyOnError(context)(args as never);

    expect(responses).toEqual([
      expect.objectContaining({
        response_type: 'ephemeral',
        replace_original: false,
        text: expect.stringContaining('there is no job job00001'),
      }),
    ]);
  });

  it('never shows an unknown error, only its reference', async () => {
    const { args, responses } = middlewareArgs(new Error('socket hang up at 10.0.0.7'));

    await replyOnError(context)(args as never);

    expect(JSON.stringify(responses)).toContain('ref7');
    expect(JSON.stringify(responses)).not.toContain('10.0.0.7');
  });

  it('hands an error with nobody to answer on to Bolt', async () => {
    const failure = new Error('no response_url');
    const { args } = middlewareArgs(failure, false);

    await expect(replyOnError(context)(args as never)).rejects.toBe(failure);
  });

  it('lets a request that succeeds pass untouched', async () => {
    const args = { body: { user_id: 'U1', channel_id: 'C1', command: '/es' }, next: async () => undefined };

    await expect(replyOnError(context)(args as never)).resolves.toBeUndefined();
  });
});
