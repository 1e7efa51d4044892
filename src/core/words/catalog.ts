import { type CancelWords, cancelWords } from './cancel-words.js';
import { type EngineWords, engineWords } from './engine-words.js';
import { type ErrorWords, errorWordsIn } from './error-words.js';
import { type HelpWords, helpWords } from './help-words.js';
import { type JobWords, jobWords } from './job-words.js';
import { LANGUAGES, type Language } from './language.js';
import { type PlanCheckWords, planCheckWords } from './plan-check-words.js';
import { type ReplyWords, replyWords } from './reply-words.js';
import { type StepWords, stepWords } from './step-words.js';

/**
 * Every word a person reads, in one place per language: each section lives in its own file with its English and
 * Japanese side by side, and a catalog is all of them for one language. Nothing outside this folder builds a
 * sentence.
 */
type Catalog = JobWords & StepWords & ErrorWords & ReplyWords & HelpWords & CancelWords & PlanCheckWords & EngineWords;

function assemble(language: Language): Catalog {
  return {
    ...jobWords[language],
    ...stepWords[language],
    ...errorWordsIn(language),
    ...replyWords[language],
    ...helpWords[language],
    ...cancelWords[language],
    ...planCheckWords[language],
    ...engineWords[language],
  };
}

const CATALOGS = Object.fromEntries(LANGUAGES.map((language) => [language, assemble(language)])) as Record<
  Language,
  Catalog
>;

function catalogFor(language: Language): Catalog {
  return CATALOGS[language];
}

export type { Catalog, Language };
export { catalogFor };
