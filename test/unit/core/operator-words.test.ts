import { describe, expect, it } from 'vitest';
import { ProtectedIndexError } from '../../../src/core/errors.js';
import { parseCommand } from '../../../src/core/grammar/parse-command.js';
import { reject } from '../../../src/core/jobs/transitions.js';
import { jobMessage } from '../../../src/core/messages/job-message.js';
import { planRepositoryRegister } from '../../../src/core/plans/repository-plan.js';
import { catalogFor } from '../../../src/core/words/catalog.js';
import { buildRequestedJob, NOW } from '../../fixtures/plans.js';

describe('reject and approve typed', () => {
  it.each([
    ['reject k3x9q2m7', { verb: 'reject', jobId: 'k3x9q2m7', reason: undefined }],
    ['reject k3x9q2m7 "wrong   cluster"', { verb: 'reject', jobId: 'k3x9q2m7', reason: 'wrong cluster' }],
    ['reject k3x9q2m7 "<!channel> no"', { verb: 'reject', jobId: 'k3x9q2m7', reason: '!channel no' }],
    ['reject k3x9q2m7 " "', { verb: 'reject', jobId: 'k3x9q2m7', reason: undefined }],
    ['approve k3x9q2m7', { verb: 'approve', jobId: 'k3x9q2m7' }],
  ])('reads %s', (text, request) => {
    expect(parseCommand(text)).toEqual(request);
  });

  it('keeps a reason to a readable length', () => {
    const request = parseCommand(`reject k3x9q2m7 "${'x'.repeat(300)}"`);

    expect(request).toMatchObject({ reason: 'x'.repeat(200) });
  });

  it.each([
    ['en', ':x: Rejected by <@U0APPROVER>: wrong cluster'],
    ['ja', ':x: <@U0APPROVER> が却下しました: wrong cluster'],
  ] as const)('shows the reason of a rejection on the job message (%s)', (language, line) => {
    const rejected = reject(buildRequestedJob(), 'U0APPROVER', NOW, 'wrong cluster');

    expect(JSON.stringify(jobMessage(rejected, catalogFor(language), NOW).blocks)).toContain(line);
  });
});

describe('hints of their own', () => {
  it.each([
    ['en', 'delete', 'Nothing deletes it; if a pattern reached it, leave it out by adding ,-.kibana_1 to the list'],
    ['en', 'replace', 'Restore it beside the existing one with rename=(.+):restored-$1'],
    ['ja', 'delete', '一覧に ,-.kibana_1 を加えて外してください'],
    ['ja', 'replace', 'rename=(.+):restored-$1 で既存のものの横に復元する'],
  ] as const)('in %s, tells a protected index refused for a %s its own way', (language, purpose, hint) => {
    const said = catalogFor(language).protectedIndex('.kibana_1', '.kibana*', purpose);

    expect(said.hint).toContain(hint);
    expect(purpose === 'delete' ? said.hint : '').not.toContain('rename');
  });

  it('defaults a protected index refusal to a delete', () => {
    expect(new ProtectedIndexError('.kibana_1', '.kibana*').hint).not.toContain('rename');
  });

  it('places a new repository at the root of a default whose base path is only slashes', () => {
    const fallback = { name: 'migration', type: 's3' as const, settings: { bucket: 'snaps', base_path: '/' } };

    expect(planRepositoryRegister('a', 'archive', {}, fallback, 'none').repository.settings).toEqual({
      bucket: 'snaps',
      base_path: 'archive',
    });
  });

  it('asks for a bucket, saying how a default would help, when nothing tells the type', () => {
    const act = () => planRepositoryRegister('a', 'archive', {}, undefined, 'none');

    expect(act).toThrowError(
      expect.objectContaining({ hint: expect.stringContaining('set an s3 default_repository') }),
    );
  });
});
