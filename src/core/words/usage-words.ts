import type { Language, Said } from './language.js';

/** What the bot says about a command it cannot read: what was wrong, and the usage line or an example. */
type UsageWords = {
  /** Free text from the grammar, being moved into words of their own. */
  usage: (text: string, hint: string | undefined) => Said;
  invalidResourceName: (kind: string, value: string, reason: string) => Said;
};

const en: UsageWords = {
  usage: (text, hint) => ({ text, hint }),
  invalidResourceName: (kind, value, reason) => ({
    text: `${kind} name "${value}" ${reason}`,
    hint: `Use a plain ${kind} name, e.g. "logs-2026.11".`,
  }),
};

const ja: UsageWords = {
  usage: (text, hint) => ({ text, hint }),
  invalidResourceName: (kind, value, reason) => ({
    text: `${kind} 名 "${value}" は使えません: ${reason}`,
    hint: `${kind} には普通の名前を使ってください (例 "logs-2026.11")。`,
  }),
};

const usageWords: Record<Language, UsageWords> = { en, ja };

export type { UsageWords };
export { usageWords };
