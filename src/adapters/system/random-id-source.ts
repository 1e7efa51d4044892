import { createHash, randomBytes } from 'node:crypto';
import type { IdSource } from '../../ports/id-source.js';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Lowercase letters and digits without look-alikes (l, o, 0, 1): people type job ids. */
function toReadableId(bytes: Uint8Array, length: number): string {
  return Array.from(bytes.subarray(0, length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

const JOB_ID_LENGTH = 10;

const randomIdSource: IdSource = {
  jobIdFor: (requestKey) => toReadableId(createHash('sha256').update(requestKey).digest(), JOB_ID_LENGTH),
  newId: () => toReadableId(randomBytes(16), 12),
};

export { randomIdSource };
