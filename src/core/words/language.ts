/** The languages the bot speaks; the config's `language` picks one for every message. */
const LANGUAGES = ['en', 'ja'] as const;

type Language = (typeof LANGUAGES)[number];

/** What the bot says about something: one line, and what to do next when there is something to do. */
type Said = { text: string; hint?: string };

export type { Language, Said };
export { LANGUAGES };
