import { commandFor } from '../commands/index.js';
import { LIST_LIMIT } from '../commands/list.js';
import type { Rename } from '../model/rename.js';
import { COMMAND_PREFIX, type CommandRequest, JobsFilter, type RepositoryOptions } from './command-request.js';
import { writtenVerb } from './verb-lookup.js';

const DOUBLE_QUOTES = /["\u201c\u201d]/;
const NEEDS_QUOTES = /[\s"'\u201c\u201d\u2018\u2019]/;

/**
 * A word the tokenizer reads back unchanged: bare when it can be, otherwise quoted; a run of double quotes goes in
 * single quotes, everything else in double quotes, and the runs sit side by side as one word.
 */
function quoteWord(text: string, force = false): string {
  if (!force && text !== '' && !NEEDS_QUOTES.test(text)) return text;
  const runs = text.match(/["\u201c\u201d]+|[^"\u201c\u201d]+/g) ?? [''];
  return runs.map((run) => (DOUBLE_QUOTES.test(run) ? `'${run}'` : `"${run}"`)).join('');
}

type Words = {
  names: Array<string | undefined>;
  options: Array<readonly [string, string | number | boolean | undefined]>;
};

function renameValue(rename: Rename | undefined): string | undefined {
  return rename === undefined ? undefined : `${rename.pattern}:${rename.replacement}`;
}

/** `type=` is left out when the settings already say it, as `repo register` works it out from them. */
function settingOptions(settings: RepositoryOptions): Words['options'] {
  const keys = ['bucket', 'region', 'role_arn', 'base_path', 'location', 'readonly'] as const;
  const implied = keys.some((key) => key !== 'readonly' && settings[key] !== undefined);
  return [['type', implied ? undefined : settings.type], ...keys.map((key) => [key, settings[key]] as const)];
}

/** Names, then options in the order usage shows them; defaults are left out, as people would leave them out. */
function words(request: CommandRequest): Words {
  switch (request.verb) {
    case 'help':
      return { names: [request.topic], options: [] };
    case 'clusters':
      return { names: [], options: [] };
    case 'repos':
      return { names: [request.cluster], options: [] };
    case 'repo-register':
      return { names: [request.cluster, request.repository], options: settingOptions(request.settings) };
    case 'create':
      return {
        names: [request.cluster, request.repository, request.snapshot],
        options: [
          ['indices', request.indices.join(',') || undefined],
          ['global_state', request.includeGlobalState || undefined],
          ['partial', request.partial || undefined],
        ],
      };
    case 'list':
      return {
        names: [request.cluster, request.repository],
        options: [['limit', request.limit === LIST_LIMIT.fallback ? undefined : request.limit]],
      };
    case 'status':
    case 'delete':
      return { names: [request.cluster, request.repository, request.snapshot], options: [] };
    case 'delete-index':
      return { names: [request.cluster, request.indices.join(',')], options: [] };
    case 'restore':
      return {
        names: [request.cluster, request.repository, request.snapshot],
        options: [
          ['indices', request.indices.join(',')],
          ['rename', renameValue(request.rename)],
        ],
      };
    case 'migrate':
      return {
        names: [request.from, request.to, request.repository],
        options: [
          ['indices', request.indices.join(',')],
          ['rename', renameValue(request.rename)],
        ],
      };
    case 'jobs':
      return { names: [request.filter === JobsFilter.ACTIVE ? undefined : request.filter], options: [] };
    case 'job':
    case 'cancel':
      return { names: [request.jobId], options: [] };
  }
}

/**
 * The words of a request as they would be typed, each already quoted where it needs to be: the verb (two words for
 * `repo register`), the names in order, then the options and flags.
 */
function commandWords(request: CommandRequest): { verb: string[]; names: string[]; options: string[] } {
  const flags = commandFor(request.verb).arguments.flags ?? [];
  const { names, options } = words(request);
  return {
    verb: writtenVerb(request.verb).split(' '),
    // A name that reads like one of the verb's flags is quoted, so that it stays a name.
    names: names.flatMap((name) => (name === undefined ? [] : [quoteWord(name, flags.includes(name.toLowerCase()))])),
    options: [
      ...options.flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${quoteWord(String(value))}`])),
      ...('replace' in request && request.replace ? ['replace'] : []),
    ],
  };
}

/**
 * The command as a person would type it, for "you asked for: …" lines; `parseCommand` reads it back (after the
 * `/es `) to the same request. Plain text: escape it for mrkdwn where it is shown.
 *
 * @example formatCommand({ verb: 'job', jobId: 'k3x9q2m7' }) // '/es snapshot job k3x9q2m7'
 */
function formatCommand(request: CommandRequest): string {
  const { verb, names, options } = commandWords(request);
  return [COMMAND_PREFIX, ...verb, ...names, ...options].join(' ');
}

export { commandWords, formatCommand, quoteWord };
