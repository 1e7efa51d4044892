import { describe, expect, it } from 'vitest';
import { parseAmzDate, parseAuthorization, parseQuery } from '../../rig/sigv4-authorization.js';

const SIGNATURE = 'a'.repeat(64);

function buildAuthorization({
  credential = 'AKIDEXAMPLE/20261124/eu-west-1/es/aws4_request',
  signedHeaders = 'host;x-amz-date',
  signature = SIGNATURE,
} = {}): string {
  return `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

describe('parseAuthorization', () => {
  it('reads the credential scope, the signed headers and the signature', () => {
    // Act
    const authorization = parseAuthorization(buildAuthorization());

    // Assess
    expect(authorization).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      date: '20261124',
      region: 'eu-west-1',
      service: 'es',
      signedHeaders: ['host', 'x-amz-date'],
      signature: SIGNATURE,
    });
  });

  it('refuses another algorithm', () => {
    expect(() => parseAuthorization('AWS4-ECDSA-P256-SHA256 Credential=x')).toThrowError(/Signature Version 4/);
  });

  it('names every missing parameter', () => {
    expect(() => parseAuthorization('AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request')).toThrowError(
      "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter.",
    );
  });

  it.each([
    'AKIDEXAMPLE/20261124/eu-west-1/es',
    'AKIDEXAMPLE/20261124/eu-west-1/es/aws4_response',
    'AKIDEXAMPLE/20261124/eu-west-1/es/aws4_request/extra',
    '/20261124/eu-west-1/es/aws4_request',
  ])('refuses the malformed credential %s', (credential) => {
    expect(() => parseAuthorization(buildAuthorization({ credential }))).toThrowError(/is malformed/);
  });

  it('refuses a signature that is not 64 lower-case hex characters', () => {
    expect(() => parseAuthorization(buildAuthorization({ signature: 'A'.repeat(64) }))).toThrowError(/hexadecimal/);
  });
});

describe('parseAmzDate', () => {
  it('reads a basic ISO-8601 UTC timestamp', () => {
    expect(parseAmzDate('20261124T073015Z')).toEqual(new Date('2026-11-24T07:30:15Z'));
  });

  it.each(['2026-11-24T07:30:15Z', '20261124T073015', '20261324T073015Z', '20261124T256000Z'])(
    'refuses %s',
    (value) => {
      expect(() => parseAmzDate(value)).toThrowError(/yyyymmddThhmmssZ/);
    },
  );
});

describe('parseQuery', () => {
  it('decodes keys and values as URLSearchParams writes them', () => {
    expect(parseQuery('h=index%2Chealth&q=a+b&pretty')).toEqual({ h: 'index,health', q: 'a b', pretty: '' });
  });

  it('gathers repeated keys into a list', () => {
    expect(parseQuery('a=1&a=2&a=3')).toEqual({ a: ['1', '2', '3'] });
  });

  it('keeps __proto__ as a plain key', () => {
    // Act
    const query = parseQuery('__proto__=x');

    // Assess
    expect(Object.keys(query)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(query)).toBeNull();
  });
});
