import type { Job } from '../jobs/job.js';

/**
 * A click on one of the bot's buttons as Slack reported it: who clicked, the job the button names, and where the
 * button was. Slack repeats the channel and the message in two places of a payload; each copy is kept, so that a
 * payload whose copies disagree binds to nothing.
 */
type ButtonClick = {
  userId: string;
  jobId: string;
  teamIds: readonly string[];
  channelIds: readonly string[];
  messageTs: readonly string[];
};

/** Which part of a click is not the job's own. */
type ClickMismatch = 'team' | 'channel' | 'message';

function allAre(values: readonly string[], expected: string | undefined): boolean {
  return expected !== undefined && values.length > 0 && values.every((value) => value === expected);
}

/**
 * A click acts only on the job whose own message holds the button: same workspace, same channel, same message.
 * Anything else is a button value edited to reach another job, or a click replayed from elsewhere. Jobs stored
 * before their workspace was recorded are bound by channel and message alone.
 */
function clickMismatches(job: Job, click: ButtonClick): ClickMismatch[] {
  const mismatches: ClickMismatch[] = [];
  if (job.team !== undefined && !allAre(click.teamIds, job.team)) mismatches.push('team');
  if (!allAre(click.channelIds, job.channel)) mismatches.push('channel');
  if (!allAre(click.messageTs, job.messageTs)) mismatches.push('message');
  return mismatches;
}

/** A click on the job's own message: what the local console does for `approve <job>`, where there is no message to click. */
function clickOnJobMessage(job: Job, userId: string): ButtonClick {
  return {
    userId,
    jobId: job.id,
    teamIds: job.team === undefined ? [] : [job.team],
    channelIds: [job.channel],
    messageTs: job.messageTs === undefined ? [] : [job.messageTs],
  };
}

export type { ButtonClick, ClickMismatch };
export { clickMismatches, clickOnJobMessage };
