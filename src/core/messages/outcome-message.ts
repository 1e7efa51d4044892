import type { Job } from '../jobs/job.js';
import { JobState } from '../jobs/job-states.js';
import type { Catalog } from '../words/catalog.js';
import { type SlackMessage, textMessage } from './blocks.js';
import { formatDuration } from './format.js';

type OnCallTargets = { users: readonly string[]; groups: readonly string[] };

/** `<!subteam^S…>` and `<@U…>`: how Slack mentions a user group and a user. */
function mentionOf(targets: OnCallTargets): string {
  return [...targets.groups.map((group) => `<!subteam^${group}>`), ...targets.users.map((user) => `<@${user}>`)].join(
    ' ',
  );
}

function runningTime(job: Job): number {
  const started = job.history.find((entry) => entry.event === 'started');
  return started === undefined ? 0 : Date.parse(job.updatedAt) - Date.parse(started.at);
}

/**
 * The thread reply when a job ends: what happened, and for PARTIAL and FAILED the reason the cluster gave; for a
 * running job that was cancelled, who cancelled it and what the stop did and kept.
 * On-call is mentioned so that nobody has to watch the channel.
 */
function outcomeMessage(job: Job, catalog: Catalog, onCall: OnCallTargets): SlackMessage {
  const kind = catalog.kind[job.kind];
  const reason = job.history.at(-1)?.detail ?? '';
  let text: string;
  if (job.state === JobState.SUCCEEDED) text = catalog.succeeded(kind, formatDuration(runningTime(job)));
  else if (job.state === JobState.PARTIAL) text = catalog.partial(kind, reason);
  else if (job.state === JobState.CANCELLED) text = catalog.cancelledNotice(kind, job.cancelRequest?.by ?? '?', reason);
  else text = catalog.failed(kind, reason);
  const mention = mentionOf(onCall);
  const full = mention === '' ? text : `${text}\n${mention}`;
  return textMessage(full);
}

export type { OnCallTargets };
export { mentionOf, outcomeMessage };
