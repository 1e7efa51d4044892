import type { Language } from './language.js';

/** The words of read-only answers: clusters, repositories, snapshots, jobs. */
type ReplyWords = Record<never, never>;

const replyWords: Record<Language, ReplyWords> = { en: {}, ja: {} };

export type { ReplyWords };
export { replyWords };
