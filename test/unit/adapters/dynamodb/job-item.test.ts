import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { MalformedJobItemError } from '../../../../src/adapters/dynamodb/errors.js';
import { fromJobItem, toJobItem } from '../../../../src/adapters/dynamodb/job-item.js';
import type { StoredJob, storedJobSchema } from '../../../../src/adapters/dynamodb/job-schema.js';
import { type JobState, JobState as State } from '../../../../src/core/jobs/job-states.js';
import { buildFullJob, buildJob } from '../../../fixtures/job.js';

/** What DynamoDB gives back: the item without its undefined fields (the store drops them on write). */
function stored(item: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(item));
}

/** The item with the attribute at a dotted path set to `value`, or removed when `value` is undefined. */
function withField(item: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, item);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return item;
}

function errorOf(read: () => unknown): MalformedJobItemError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedJobItemError);
    return error as MalformedJobItemError;
  }
  throw new Error('expected fromJobItem to throw');
}

describe('toJobItem', () => {
  it.each([State.PENDING_APPROVAL, State.QUEUED, State.RUNNING])('puts a %s job in the active bucket', (state) => {
    const item = toJobItem(buildJob({ id: 'j1', state }), 30);

    expect(item).toMatchObject({ id: 'j1', version: 1, active_bucket: 'active', requested_by: 'U0REQUESTER' });
    expect(item).not.toHaveProperty('expires_at');
  });

  it.each<JobState>([State.SUCCEEDED, State.PARTIAL, State.FAILED, State.REJECTED, State.EXPIRED, State.CANCELLED])(
    'gives a %s job a TTL of its end time plus the retention, in epoch seconds, and no bucket',
    (state) => {
      const job = buildJob({ state, updatedAt: '2026-11-24T10:00:00.900Z' });

      const item = toJobItem(job, 7);

      expect(item.expires_at).toBe(Date.parse('2026-11-24T10:00:00Z') / 1000 + 7 * 86_400);
      expect(item).not.toHaveProperty('active_bucket');
    },
  );

  it('keeps id and version only at the top level and the index keys as copies of the job', () => {
    const job = buildFullJob({ id: 'j2', version: 9 });

    const item = toJobItem(job, 30);

    expect(item).toMatchObject({ id: 'j2', version: 9, created_at: job.createdAt, requested_by: job.requestedBy });
    expect(item.job).not.toHaveProperty('id');
    expect(item.job).not.toHaveProperty('version');
  });
});

describe('fromJobItem', () => {
  it('checks exactly the shape of Job, no less and no more', () => {
    // Checked by tsc (npm run typecheck), not at run time: a Job field the schema lacks would be lost on read.
    expectTypeOf<z.output<typeof storedJobSchema>>().toEqualTypeOf<StoredJob>();
  });

  it('reads back what toJobItem wrote, undefined fields included', () => {
    const job = buildFullJob({ lease: undefined, messageTs: undefined });

    expect(fromJobItem(stored(toJobItem(job, 30)))).toEqual(job);
  });

  it('reads a job stored before plans had UUIDs, patterns and digests, and approvals their digest', () => {
    const item = stored(toJobItem(buildFullJob({ id: 'old', replan: undefined }), 30));
    for (const field of [
      'job.plan.patterns',
      'job.plan.replace',
      'job.plan.indices.0.uuid',
      'job.approval.approvals.0.digest',
    ]) {
      withField(item, field, undefined);
    }

    const job = fromJobItem(item);

    const plan = job.plan.kind === 'migrate' ? job.plan : undefined;
    expect([plan?.patterns, plan?.replace, plan?.indices[0]?.uuid, plan?.indices[0]?.docsCount]).toEqual([
      undefined,
      undefined,
      undefined,
      1200,
    ]);
    expect(job.approval?.approvals[0]?.digest).toBeUndefined();
    expect(job.replan).toBeUndefined();
  });

  it.each([
    { field: 'job.plan.snapshot', value: undefined },
    { field: 'job.state', value: 'DONE' },
    { field: 'job.steps.1.progress.shardsDone', value: -1 },
    { field: 'job.createdAt', value: 'yesterday' },
    { field: 'job.kind', value: 'restore' },
    { field: 'version', value: '4' },
  ])('names $field when it is $value', ({ field, value }) => {
    // Prepare
    const item = withField(stored(toJobItem(buildFullJob({ id: 'bad-1' }), 30)), field, value);

    // Act
    const error = errorOf(() => fromJobItem(item));

    // Assess
    expect(error.jobId).toBe('bad-1');
    expect(error.fields).toContain(field);
    expect(error.message).toMatch(new RegExp(`^stored job bad-1 is malformed: .*${field.replaceAll('.', '\\.')}: `));
  });

  it('reads a migration stored before plans had a left-out list as leaving nothing out', () => {
    const item = withField(stored(toJobItem(buildFullJob(), 30)), 'job.plan.leftOut', undefined);

    expect(fromJobItem(item).plan).toMatchObject({ kind: 'migrate', leftOut: [] });
  });

  it('says so when the item has no id', () => {
    const error = errorOf(() => fromJobItem({ version: 1, job: {} }));

    expect(error.jobId).toBe('(without an id)');
    expect(error.fields).toEqual(expect.arrayContaining(['id', 'job.kind', 'job.plan']));
  });
});
