import { BotError } from '../../../../src/core/errors.js';

/** The domain error `act` throws, to check its class, message and hint in one place; fails when nothing is thrown. */
function thrownBy(act: () => unknown): BotError {
  try {
    act();
  } catch (error) {
    if (error instanceof BotError) return error;
    throw error;
  }
  throw new Error('expected a BotError, but nothing was thrown');
}

export { thrownBy };
