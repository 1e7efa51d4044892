import { type ApprovalPolicy, needsApproval } from '../approval/approval-policy.js';
import type { SomeCommandDefinition } from '../commands/command-definition.js';
import { VerbKind } from '../commands/command-definition.js';
import { COMMANDS, commandFor } from '../commands/index.js';
import type { HelpWords } from '../words/help-words.js';
import { COMMAND_PREFIX, type Verb } from './command-request.js';
import { writtenVerb } from './verb-lookup.js';

/** Each configured cluster's approval policy, by alias: what really waits, and so what help says waits. */
type ApprovalPolicies = ReadonlyMap<string, ApprovalPolicy>;

/** Usage lines are full of `<cluster>`, which Slack would read as a link: mrkdwn needs `&`, `<`, `>` as entities. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function code(text: string): string {
  return `\`${escapeMrkdwn(text)}\``;
}

/** The clusters where the verb's job waits: `all` on every one (or there is none that differs), else their aliases. */
function waitingOn(command: SomeCommandDefinition, policies: ApprovalPolicies): 'all' | readonly string[] {
  const { jobKind } = command;
  if (jobKind === undefined) return [];
  const waiting = [...policies].filter(([, policy]) => needsApproval(jobKind, policy)).map(([alias]) => alias);
  return waiting.length > 0 && waiting.length === policies.size ? 'all' : waiting;
}

function waitingEntry(command: SomeCommandDefinition, words: HelpWords, policies: ApprovalPolicies): string[] {
  const clusters = waitingOn(command, policies);
  const name = command.kind === VerbKind.JOB ? writtenVerb(command.verb) : words.helpCancelWaiting;
  if (clusters === 'all') return [name];
  return clusters.length === 0 ? [] : [words.helpOnClusters(name, clusters)];
}

function overview(words: HelpWords, policies: ApprovalPolicies): string {
  const waiting = COMMANDS.flatMap((command) => waitingEntry(command, words, policies));
  return [
    words.helpIntro,
    ...COMMANDS.map((command) => `${code(command.usage)} ${escapeMrkdwn(words.helpVerbs[command.verb].summary)}`),
    words.helpFooter(waiting, code(`${COMMAND_PREFIX} help <command>`)),
  ].join('\n');
}

function approvalLine(command: SomeCommandDefinition, words: HelpWords, policies: ApprovalPolicies): string[] {
  const clusters = waitingOn(command, policies);
  if (clusters !== 'all' && clusters.length === 0) return [];
  const on = clusters === 'all' ? undefined : clusters;
  return [command.kind === VerbKind.JOB ? words.helpWaits(on) : words.helpCancelWaits(on)];
}

function detail(verb: Verb, words: HelpWords, policies: ApprovalPolicies): string {
  const command = commandFor(verb) as SomeCommandDefinition;
  const help = words.helpVerbs[verb];
  return [
    code(command.usage),
    escapeMrkdwn(help.summary),
    ...approvalLine(command, words, policies),
    ...help.notes.map((note) => `• ${escapeMrkdwn(note)}`),
    words.helpExample(code(help.example)),
  ].join('\n');
}

/**
 * The answer to `help` (every command, one line each) or `help <verb>` (one command with its notes and an example),
 * as Slack mrkdwn in the words given. What waits for approval is read from the clusters' policies, as the jobs
 * themselves do.
 *
 * @example helpText('restore', catalog, policies) // "`/es snapshot restore &lt;cluster&gt; …`\nRestore indices …"
 */
function helpText(topic: Verb | undefined, words: HelpWords, policies: ApprovalPolicies): string {
  return topic === undefined ? overview(words, policies) : detail(topic, words, policies);
}

export type { ApprovalPolicies };
export { escapeMrkdwn, helpText };
