import { describe, expect, it } from 'vitest';
import { pathProblem } from '../../integration/reliability/path-invariants.js';

describe('the paths the reliability suite lets through', () => {
  it.each([
    ['GET', '/_snapshot/repo-1/snap-1'],
    ['GET', '/logs-1,logs-2/_recovery'],
    ['GET', '/_resolve/index/logs-*'],
    ['GET', '/_cat/indices/%E3%83%AD%E3%82%B0'],
    ['DELETE', '/logs-1,logs-2'],
    ['DELETE', '/_snapshot/repo-1/snap-1'],
  ])('lets %s %s through', (method, path) => {
    expect(pathProblem(method, path)).toBeUndefined();
  });

  it.each([
    ['GET', '/_snapshot/a%2Fb', 'holds a character'],
    ['GET', '/_snapshot/%2e%2e', 'encoded exactly once'],
    ['GET', '/_snapshot/..', 'climbs'],
    ['GET', '/_snapshot/a%20b', 'holds a character'],
    ['GET', '/_snapshot/a%252Fb', 'holds a character'],
    ['GET', '/_snapshot/%E2%80%AEx', undefined],
    ['GET', '/logs-1,,logs-2/_recovery', 'empty name'],
    ['GET', '/_snapshot/%ZZ', 'encoded exactly once'],
    ['GET', `/_snapshot/${'x'.repeat(300)}`, 'longer than a name'],
    ['DELETE', '/logs-*', 'DELETE of "logs-*"'],
    ['DELETE', '/_all', 'DELETE of "_all"'],
    ['DELETE', '/logs-1,.kibana_1', 'DELETE of ".kibana_1"'],
  ])('stops %s %s', (method, path, problem) => {
    if (problem === undefined) expect(pathProblem(method, path)).toBeUndefined();
    else expect(pathProblem(method, path)).toContain(problem);
  });
});
