import { describe, expect, it } from 'vitest';
import { editDistance, nearestVerb } from '../../../../src/core/grammar/nearest-verb.js';

const VERBS = ['help', 'clusters', 'repos', 'repo register', 'create', 'list', 'status', 'delete', 'delete-index'];

describe('editDistance', () => {
  it.each([
    ['list', 'list', 0],
    ['lsit', 'list', 1],
    ['lst', 'list', 1],
    ['lists', 'list', 1],
    ['lost', 'list', 1],
    ['', 'list', 4],
    ['list', '', 4],
    ['ca', 'abc', 3],
    ['restroe', 'restore', 1],
    ['kitten', 'sitting', 3],
  ])('counts %j → %j as %i edits', (from, to, expected) => {
    // Act
    const distance = editDistance(from, to);

    // Assess
    expect(distance).toBe(expected);
  });
});

describe('nearestVerb', () => {
  it.each([
    ['lsit', 'list'],
    ['LIST', 'list'],
    ['stauts', 'status'],
    ['clusetrs', 'clusters'],
    ['delte-index', 'delete-index'],
    ['repo-regster', 'repo register'],
    ['hepl', 'help'],
  ])('suggests the verb nearest to %j', (typed, expected) => {
    // Act
    const suggestion = nearestVerb(typed, VERBS);

    // Assess
    expect(suggestion).toBe(expected);
  });

  it.each(['rm', 'snapshots', 'remove', 'x'.repeat(500), ''])('suggests nothing for %j', (typed) => {
    // Act
    const suggestion = nearestVerb(typed, VERBS);

    // Assess
    expect(suggestion).toBeUndefined();
  });

  it('prefers the earlier candidate on a tie', () => {
    // Act
    const suggestion = nearestVerb('jobx', ['jobs', 'joby']);

    // Assess
    expect(suggestion).toBe('jobs');
  });
});
