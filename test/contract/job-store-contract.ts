import { describe, expect, it } from 'vitest';
import { JobConflictError, JobNotFoundError } from '../../src/core/errors.js';
import type { Job } from '../../src/core/jobs/job.js';
import { JobState } from '../../src/core/jobs/job-states.js';
import type { JobStore } from '../../src/ports/job-store.js';
import { buildFullJob, buildJob, minutesAfterNow } from '../fixtures/job.js';

/** The next write of a job as a use case makes it: a change, one version up. */
function nextVersion(job: Job, fields: Partial<Job> = {}): Job {
  return { ...job, ...fields, version: job.version + 1 };
}

async function conflictOf(write: Promise<unknown>): Promise<JobConflictError> {
  const error = await write.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(JobConflictError);
  return error as JobConflictError;
}

/**
 * What every JobStore must do, registered as vitest blocks. It runs against DynamoDbJobStore on dynalite
 * (integration) and against the in-memory fake (unit), so the fake the use-case tests rely on cannot drift from
 * the real store. `newStore` must give an empty store each time.
 */
function describeJobStoreContract(newStore: () => Promise<JobStore>): void {
  describe('JobStore contract', () => {
    it('returns a stored job exactly as it was written', async () => {
      // Prepare
      const store = await newStore();
      const job = buildFullJob({ id: 'full' });

      // Act
      await store.create(job);
      const read = await store.get('full');

      // Assess
      expect(read).toEqual(job);
    });

    it('returns undefined for an unknown id', async () => {
      const store = await newStore();

      expect(await store.get('never-created')).toBeUndefined();
    });

    it('does not let a caller change a stored job through an object it holds', async () => {
      // Prepare
      const store = await newStore();
      const job = buildJob({ id: 'held' });
      await store.create(job);
      const read = (await store.get('held')) as Job;

      // Act
      job.history.push({ at: minutesAfterNow(1), event: 'tampered', by: undefined, detail: undefined });
      read.steps.length = 0;

      // Assess
      expect(await store.get('held')).toEqual(buildJob({ id: 'held' }));
    });

    it('refuses a second create of the same id with a conflict carrying the existing job', async () => {
      // Prepare
      const store = await newStore();
      const first = buildJob({ id: 'dup', requestText: 'the first request' });
      await store.create(first);

      // Act
      const conflict = await conflictOf(store.create(buildJob({ id: 'dup', requestText: 'a repeated request' })));

      // Assess
      expect(conflict.currentJob).toEqual(first);
      expect(await store.get('dup')).toEqual(first);
    });

    it('writes an update made from the current version and returns it', async () => {
      // Prepare
      const store = await newStore();
      const job = await store.create(buildJob({ id: 'upd' }));
      const approved = nextVersion(job, { state: JobState.QUEUED, updatedAt: minutesAfterNow(1) });

      // Act
      const written = await store.update(approved);

      // Assess
      expect(written).toEqual(approved);
      expect(await store.get('upd')).toEqual(approved);
    });

    it('refuses an update made from a stale version with a conflict carrying the current job', async () => {
      // Prepare
      const store = await newStore();
      const original = await store.create(buildJob({ id: 'stale' }));
      const winner = await store.update(nextVersion(original, { state: JobState.QUEUED }));

      // Act
      const conflict = await conflictOf(store.update(nextVersion(original, { state: JobState.REJECTED })));

      // Assess
      expect(conflict.currentJob).toEqual(winner);
      expect(await store.get('stale')).toEqual(winner);
    });

    it('refuses an update of an id that was never created', async () => {
      const store = await newStore();

      await expect(store.update(nextVersion(buildJob({ id: 'ghost' })))).rejects.toBeInstanceOf(JobNotFoundError);
      expect(await store.get('ghost')).toBeUndefined();
    });

    it('lets exactly one of 50 concurrent updates from the same read succeed', async () => {
      // Prepare
      const store = await newStore();
      await store.create(buildJob({ id: 'race' }));
      const read = (await store.get('race')) as Job;
      const attempts = Array.from({ length: 50 }, (_, n) => nextVersion(read, { requestText: `attempt ${n}` }));

      // Act
      const results = await Promise.allSettled(attempts.map((attempt) => store.update(attempt)));

      // Assess
      const winners = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const losers = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(49);
      for (const loser of losers) {
        expect(loser).toBeInstanceOf(JobConflictError);
        expect((loser as JobConflictError).currentJob).toEqual(winners[0]);
      }
      expect(await store.get('race')).toEqual(winners[0]);
    });

    describe('leases', () => {
      const lease = (token: string | undefined, minutes: number) => ({
        owner: 'worker-1',
        token,
        until: minutesAfterNow(minutes),
      });
      const running = (id: string, held = lease('token-1', 5)) =>
        buildJob({ id, state: JobState.RUNNING, lease: held });

      it('takes a claim over a lease that has run out, and over none', async () => {
        // Prepare
        const store = await newStore();
        const abandoned = await store.create(running('abandoned', lease('old', 5)));
        const queued = await store.create(buildJob({ id: 'queued', state: JobState.QUEUED }));
        const at = new Date(minutesAfterNow(6));

        // Act
        const taken = await store.claim(nextVersion(abandoned, { lease: lease('new', 11) }), at);
        await store.claim(nextVersion(queued, { state: JobState.RUNNING, lease: lease('mine', 11) }), at);

        // Assess
        expect(taken.lease?.token).toBe('new');
        expect((await store.get('abandoned'))?.lease?.token).toBe('new');
        expect((await store.get('queued'))?.lease?.token).toBe('mine');
      });

      it('refuses a claim over a lease renewed since the claimer read the job, though the version is the same', async () => {
        // Prepare: read at a time the lease looked dead, then its holder renewed it
        const store = await newStore();
        const read = await store.create(running('renewed', lease('holder', 5)));
        await store.renewLease('renewed', lease('holder', 20));

        // Act
        const conflict = await conflictOf(
          store.claim(nextVersion(read, { lease: lease('thief', 16) }), new Date(minutesAfterNow(6))),
        );

        // Assess
        expect(conflict.currentJob.lease).toEqual(lease('holder', 20));
        expect(conflict.currentJob.version).toBe(read.version);
      });

      it('renews the lease that carries its token, and nothing else of the job', async () => {
        // Prepare
        const store = await newStore();
        const job = await store.create(running('held'));

        // Act
        const renewed = await store.renewLease('held', lease('token-1', 9));

        // Assess
        expect(renewed).toBe(true);
        expect(await store.get('held')).toEqual({ ...job, lease: lease('token-1', 9) });
        expect(await store.update(nextVersion(job, { lease: lease('token-1', 9), requestText: 'next' }))).toBeDefined();
      });

      it.each([
        { title: 'another token', job: running('j'), renewal: lease('token-2', 9) },
        {
          title: 'a lease given up',
          job: buildJob({ id: 'j', state: JobState.RUNNING, lease: undefined }),
          renewal: lease('token-1', 9),
        },
        {
          title: 'a job that ended',
          job: running('j', lease('token-1', 5)),
          renewal: lease('token-1', 9),
          ended: true,
        },
        {
          title: 'a lease without a token (an old job)',
          job: running('j', lease(undefined, 5)),
          renewal: lease(undefined, 9),
        },
      ])('refuses to renew $title', async ({ job, renewal, ended }) => {
        // Prepare
        const store = await newStore();
        const created = await store.create(job);
        if (ended) await store.update(nextVersion(created, { state: JobState.SUCCEEDED }));
        const before = await store.get('j');

        // Act
        const renewed = await store.renewLease('j', renewal);

        // Assess
        expect(renewed).toBe(false);
        expect(await store.get('j')).toEqual(before);
      });

      it('refuses to renew a job that does not exist', async () => {
        const store = await newStore();

        expect(await store.renewLease('ghost', lease('token-1', 9))).toBe(false);
      });
    });

    it('lists the jobs not in a final state, oldest first', async () => {
      // Prepare: created out of time order, so insertion order cannot pass for time order
      const store = await newStore();
      const at = (minutes: number, id: string, state: Job['state']) =>
        buildJob({ id, state, createdAt: minutesAfterNow(minutes), updatedAt: minutesAfterNow(minutes) });
      await store.create(at(3, 'running', JobState.RUNNING));
      await store.create(at(1, 'pending', JobState.PENDING_APPROVAL));
      await store.create(at(4, 'succeeded', JobState.SUCCEEDED));
      await store.create(at(2, 'queued', JobState.QUEUED));
      await store.create(at(0, 'rejected', JobState.REJECTED));

      // Act
      const active = await store.listActive();

      // Assess
      expect(active.map((job) => job.id)).toEqual(['pending', 'queued', 'running']);
    });

    it('drops a job from the active list when it ends', async () => {
      // Prepare
      const store = await newStore();
      const running = await store.create(buildJob({ id: 'ending', state: JobState.RUNNING }));

      // Act
      await store.update(nextVersion(running, { state: JobState.FAILED, updatedAt: minutesAfterNow(5) }));

      // Assess
      expect(await store.listActive()).toEqual([]);
      expect((await store.get('ending'))?.state).toBe(JobState.FAILED);
    });

    it('keeps an ended job in the active list until its ending is told', async () => {
      // Prepare
      const store = await newStore();
      const running = await store.create(buildJob({ id: 'ending', state: JobState.RUNNING }));
      const ended = await store.update(nextVersion(running, { state: JobState.SUCCEEDED, outcomeTold: false }));

      // Act
      const untold = await store.listActive();
      await store.update(nextVersion(ended, { outcomeTold: true }));

      // Assess
      expect(untold.map((job) => job.id)).toEqual(['ending']);
      expect(await store.listActive()).toEqual([]);
    });

    it.each([
      { limit: 2, expected: ['u1-newest', 'u1-middle'], title: 'limit 2 gives the newest two' },
      { limit: 10, expected: ['u1-newest', 'u1-middle', 'u1-oldest'], title: 'limit 10 gives all three' },
      { limit: 0, expected: [], title: 'limit 0 gives none' },
    ])('lists one requester’s jobs newest first ($title)', async ({ limit, expected }) => {
      // Prepare: final jobs are listed too; this is the requester's history
      const store = await newStore();
      const mine = (minutes: number, id: string, requestedBy = 'U0ONE') =>
        buildJob({ id, requestedBy, state: JobState.SUCCEEDED, createdAt: minutesAfterNow(minutes) });
      await store.create(mine(1, 'u1-middle'));
      await store.create(mine(0, 'u1-oldest'));
      await store.create(mine(3, 'u2-job', 'U0TWO'));
      await store.create(mine(2, 'u1-newest'));

      // Act
      const jobs = await store.listRequestedBy('U0ONE', limit);

      // Assess
      expect(jobs.map((job) => job.id)).toEqual(expected);
    });
  });
}

export { describeJobStoreContract };
