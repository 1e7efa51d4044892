import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, planDigest, shortDigest } from '../../../../src/core/plans/plan-digest.js';
import { sha256Hex } from '../../../../src/core/plans/sha256.js';
import { PLANS, plannedIndex } from '../../../fixtures/plans.js';

describe('sha256Hex', () => {
  // Lengths around the 55/56/64-byte padding boundaries, several blocks, and text that is not ASCII.
  it.each([
    '',
    'abc',
    'a'.repeat(55),
    'a'.repeat(56),
    'a'.repeat(63),
    'a'.repeat(64),
    'a'.repeat(1000),
    'インデックス `orders` — 12 件',
    '{"kind":"index-delete"}',
  ])('gives the SHA-256 of %j', (text) => {
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('canonicalJson', () => {
  it('sorts object keys, leaves out absent fields and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [3, 1, undefined], c: undefined, d: { z: null, y: 'x' } })).toBe(
      '{"a":[3,1,null],"b":1,"d":{"y":"x","z":null}}',
    );
  });
});

describe('planDigest', () => {
  it('is the same for the same plan however its fields are ordered or left out', () => {
    const plan = PLANS.indexDelete();
    const { patterns, ...rest } = plan;
    const reordered = JSON.parse(JSON.stringify({ patterns, ...rest }));

    expect(planDigest(reordered)).toBe(planDigest(plan));
    expect(planDigest({ ...PLANS.restore(), rename: undefined })).toBe(planDigest(PLANS.restore()));
  });

  it('differs when anything the approver saw differs: a UUID, a count, a target', () => {
    const plan = PLANS.indexDelete();
    const digests = [
      planDigest(plan),
      planDigest({ ...plan, indices: [plannedIndex('old-1', 1200, 3_400_000, 'other'), plannedIndex('old-2')] }),
      planDigest({ ...plan, indices: [plannedIndex('old-1', 1201), plannedIndex('old-2')] }),
      planDigest({ ...plan, cluster: 'a' }),
    ];

    expect(new Set(digests).size).toBe(4);
    expect(digests[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is shown by its first eight digits', () => {
    expect(shortDigest('0123456789abcdef')).toBe('01234567');
  });
});
