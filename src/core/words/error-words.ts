import { type ClusterWords, clusterWords } from './cluster-words.js';
import { type CommandWords, commandWords } from './command-words.js';
import type { Language } from './language.js';
import { type PlanWords, planWords } from './plan-words.js';
import { type PreflightWords, preflightWords } from './preflight-words.js';
import { type RefusalWords, refusalWords } from './refusal-words.js';
import { type RenameWords, renameWords } from './rename-words.js';
import { type UsageWords, usageWords } from './usage-words.js';

/** Every word an error can say. Errors depend on these sections only, never on the rest of the catalog. */
type ErrorWords = ClusterWords & UsageWords & RefusalWords & CommandWords & PlanWords & PreflightWords & RenameWords;

function errorWordsIn(language: Language): ErrorWords {
  return {
    ...clusterWords[language],
    ...usageWords[language],
    ...refusalWords[language],
    ...commandWords[language],
    ...planWords[language],
    ...preflightWords[language],
    ...renameWords[language],
  };
}

/** The words errors use for their `message` in logs: English, whatever the channel's language. */
const LOG_WORDS: ErrorWords = errorWordsIn('en');

export type { ErrorWords };
export { errorWordsIn, LOG_WORDS };
