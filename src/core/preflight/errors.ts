import { BotError } from '../errors.js';
import type { JobKind } from '../jobs/job-states.js';
import { findingLines } from '../messages/preflight-lines.js';
import type { PreflightFinding } from './preflight-findings.js';

/**
 * A request whose preflight found something that would make the cluster refuse the work: refused before any
 * approval message, with every check's line, so the requester sees all that is wrong at once.
 */
class PreflightRefusedError extends BotError {
  constructor(
    readonly jobKind: JobKind,
    readonly cluster: string,
    readonly findings: readonly PreflightFinding[],
  ) {
    super('preflight_refused', (words) => words.preflightRefused(jobKind, cluster, findingLines(findings, words)));
    this.name = 'PreflightRefusedError';
  }
}

export { PreflightRefusedError };
