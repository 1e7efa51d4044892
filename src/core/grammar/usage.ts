import { COMMANDS, commandFor } from '../commands/index.js';
import { COMMAND_PREFIX, type Verb } from './command-request.js';
import { writtenVerb } from './verb-lookup.js';

/** Usage lines are full of `<cluster>`, which Slack would read as a link: mrkdwn needs `&`, `<`, `>` as entities. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function code(text: string): string {
  return `\`${escapeMrkdwn(text)}\``;
}

function overview(): string {
  const approval = COMMANDS.filter((command) => command.needsApproval).map((command) => writtenVerb(command.verb));
  return [
    `*${COMMAND_PREFIX}*: snapshots, restores and migrations from this channel.`,
    ...COMMANDS.map((command) => `${code(command.usage)} ${escapeMrkdwn(command.summary)}`),
    `Waits for approval: ${approval.join(', ')}. ${code(`${COMMAND_PREFIX} help <command>`)} shows one command with an example.`,
  ].join('\n');
}

function detail(verb: Verb): string {
  const command = commandFor(verb);
  return [
    code(command.usage),
    escapeMrkdwn(command.summary),
    ...(command.needsApproval ? ['Waits for an approver before it runs.'] : []),
    ...command.notes.map((note) => `• ${escapeMrkdwn(note)}`),
    `Example: ${code(command.example)}`,
  ].join('\n');
}

/**
 * The answer to `help` (every command, one line each) or `help <verb>` (one command with its notes and an example),
 * as Slack mrkdwn.
 *
 * @example helpText('restore') // "`/es snapshot restore &lt;cluster&gt; …`\nRestore indices …"
 */
function helpText(topic: Verb | undefined): string {
  return topic === undefined ? overview() : detail(topic);
}

export { escapeMrkdwn, helpText };
