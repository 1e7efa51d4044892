import { slackSignature } from '../../fixtures/slack/signed-request.js';

/** A request as it would reach the handler: the raw form body and the `x-slack-*` headers. */
type RawRequest = { body: string; headers: Record<string, string>; base64?: boolean };

/** One way a request departs from what Slack sent, with the name the suite reports it under. */
type Forgery = { kind: string; request: RawRequest };

type Signer = { secret: string; now: () => number };

const NOT_A_NUMBER = ['', ' ', 'abc', '1e9', '-1', '0', '0x6a000000', 'NaN', 'Infinity', '١٧٠٠٠٠٠٠٠٠'];

/** A deterministic stream of numbers in [0, 1), so a failing variant is the same one on the next run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function signed(body: string, signer: Signer, timestamp = signer.now()): RawRequest {
  return {
    body,
    headers: {
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(signer.secret, timestamp, body),
    },
  };
}

function withHeaders(request: RawRequest, headers: Record<string, string | undefined>): RawRequest {
  const merged = { ...request.headers, ...headers };
  const kept = Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { ...request, headers: Object.fromEntries(kept) };
}

/** The body with one field of its form replaced, or the click payload's JSON edited, after it was signed. */
function editedForm(body: string, edit: (fields: URLSearchParams) => void): string {
  const fields = new URLSearchParams(body);
  edit(fields);
  return fields.toString();
}

function signatureForgeries(genuine: string, signer: Signer, random: () => number): Forgery[] {
  const valid = signed(genuine, signer);
  const signature = valid.headers['x-slack-signature'] as string;
  const now = signer.now();
  const offset = () => 301 + Math.floor(random() * 10 ** (2 + Math.floor(random() * 7)));
  const length = () => Math.floor(random() * signature.length);
  return [
    { kind: 'signed with another secret', request: signed(genuine, { ...signer, secret: `${signer.secret}x` }) },
    { kind: 'no signature', request: withHeaders(valid, { 'x-slack-signature': undefined }) },
    { kind: 'no timestamp', request: withHeaders(valid, { 'x-slack-request-timestamp': undefined }) },
    {
      kind: 'no signature or timestamp',
      request: withHeaders(valid, { 'x-slack-signature': undefined, 'x-slack-request-timestamp': undefined }),
    },
    { kind: 'partial signature', request: withHeaders(valid, { 'x-slack-signature': signature.slice(0, length()) }) },
    { kind: 'other scheme', request: withHeaders(valid, { 'x-slack-signature': signature.replace('v0=', 'v1=') }) },
    { kind: 'upper-case signature', request: withHeaders(valid, { 'x-slack-signature': signature.toUpperCase() }) },
    { kind: 'signature padded', request: withHeaders(valid, { 'x-slack-signature': `${signature} ` }) },
    { kind: 'stale', request: signed(genuine, signer, now - offset()) },
    { kind: 'future', request: signed(genuine, signer, now + offset()) },
    {
      kind: 'timestamp moved after signing',
      request: withHeaders(valid, { 'x-slack-request-timestamp': String(now + 1 + Math.floor(random() * 200)) }),
    },
    {
      kind: 'timestamp not a number',
      request: withHeaders(valid, {
        'x-slack-request-timestamp': NOT_A_NUMBER[Math.floor(random() * NOT_A_NUMBER.length)] as string,
      }),
    },
    {
      kind: 'fractional timestamp, signed',
      request: signed(genuine, signer, now + 0.5),
    },
    { kind: 'base64 flag on a plain body', request: { ...valid, base64: true } },
  ];
}

function bodyForgeries(genuine: string, signer: Signer, random: () => number, edits: BodyEdit[]): Forgery[] {
  const valid = signed(genuine, signer);
  const position = Math.floor(random() * genuine.length);
  const flipped = `${genuine.slice(0, position)}${genuine[position] === 'A' ? 'B' : 'A'}${genuine.slice(position + 1)}`;
  return [
    { kind: 'body changed after signing', request: { ...valid, body: flipped } },
    { kind: 'field appended after signing', request: { ...valid, body: `${genuine}&user_id=U0INTRUDER` } },
    { kind: 'body cut after signing', request: { ...valid, body: genuine.slice(0, position) } },
    ...edits.map((edit) => ({ kind: edit.kind, request: { ...valid, body: editedForm(genuine, edit.apply) } })),
  ];
}

type BodyEdit = { kind: string; apply: (fields: URLSearchParams) => void };

/**
 * `rounds` variants of every forgery of `genuine` (a form body exactly as Slack would send it): bad, absent and
 * partial signatures, stale and future timestamps, and bodies edited after signing.
 */
function forgeriesOf(genuine: string, signer: Signer, edits: BodyEdit[], rounds: number, seed: number): Forgery[] {
  const random = seeded(seed);
  const all: Forgery[] = [];
  for (let round = 0; round < rounds; round += 1) {
    all.push(...signatureForgeries(genuine, signer, random), ...bodyForgeries(genuine, signer, random, edits));
  }
  return all;
}

export type { BodyEdit, Forgery, RawRequest, Signer };
export { forgeriesOf, signed };
