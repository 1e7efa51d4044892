import type { Language } from './language.js';

/** The words of `help`: each verb's summary, notes and example, and the overview around them. */
type HelpWords = Record<never, never>;

const helpWords: Record<Language, HelpWords> = { en: {}, ja: {} };

export type { HelpWords };
export { helpWords };
