import { UsageError } from '../errors.js';
import type { RenameRefusal, RenameTargetReason } from '../words/rename-words.js';

/**
 * A `rename=` that the bot cannot turn into the engine's exact targets: a pattern that Java and JavaScript read
 * apart, or a replacement that Java's `Matcher` refuses. Said before approval, with what to write instead.
 */
class RenameRefusedError extends UsageError {
  constructor(
    readonly written: string,
    readonly refusal: RenameRefusal,
    options?: ErrorOptions,
  ) {
    super((words) => words.renameRefused(written, refusal), options);
    this.name = 'RenameRefusedError';
  }
}

/** A rename whose target for one index is a name the cluster refuses, or one the bot never touches. */
class RenameTargetRefusedError extends UsageError {
  constructor(
    readonly index: string,
    readonly target: string,
    readonly reason: RenameTargetReason,
  ) {
    super((words) => words.renameTargetRefused(index, target, reason));
    this.name = 'RenameTargetRefusedError';
  }
}

export { RenameRefusedError, RenameTargetRefusedError };
