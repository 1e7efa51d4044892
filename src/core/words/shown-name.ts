/** Long enough to recognise any real name (they are at most 255 bytes); a 10 kB paste is shown by its start. */
const SHOWN_NAME_CHARACTERS = 100;

/**
 * A name as a message can show it: a lone UTF-16 half, which no message or URL can carry, becomes U+FFFD, and a
 * name longer than any real one is cut (by code points, so no half is made) and ends with "…".
 */
function shownName(name: string): string {
  const whole = name.replace(/\p{Cs}/gu, '\uFFFD');
  const characters = [...whole];
  return characters.length <= SHOWN_NAME_CHARACTERS ? whole : `${characters.slice(0, SHOWN_NAME_CHARACTERS).join('')}…`;
}

export { SHOWN_NAME_CHARACTERS, shownName };
