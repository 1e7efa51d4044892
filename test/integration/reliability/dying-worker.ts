import type { JobStore } from '../../../src/ports/job-store.js';

/** What a worker's process dying looks like from inside it: the call never returns normally. */
class WorkerKilled extends Error {
  constructor() {
    super('the worker process died');
    this.name = 'WorkerKilled';
  }
}

/** The writes that record something: a claim is one (the job's new owner), a lease renewal is not. */
const RECORDS = new Set(['create', 'update', 'claim']);

type KillPoint = 'before-record' | 'after-record';

/**
 * A job store through which one worker dies at its n-th record (a create, claim or update that `counts`): before the write reaches
 * the table (the side effect it records is lost to the job), or just after it. From then on every call of that
 * worker fails, its heartbeat included, as a dead process's would; the table itself is the real one.
 */
function dyingWorkerStore(store: JobStore, counts: (method: string, args: unknown[]) => boolean = () => true) {
  let countdown: number | undefined;
  let point: KillPoint = 'before-record';
  let dead = false;
  let records = 0;
  let deaths = 0;
  let killedRecord: unknown;

  async function call(method: string, args: unknown[], run: () => Promise<unknown>): Promise<unknown> {
    if (dead) throw new WorkerKilled();
    if (!RECORDS.has(method) || !counts(method, args)) return run();
    records += 1;
    if (countdown === undefined) return run();
    countdown -= 1;
    if (countdown > 0) return run();
    dead = true;
    deaths += 1;
    killedRecord = args[0];
    if (point === 'before-record') throw new WorkerKilled();
    await run();
    throw new WorkerKilled();
  }

  const dying = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => call(String(property), args, () => value.apply(target, args));
    },
  });

  return {
    store: dying,
    /** Dies at the n-th record from now. */
    killAt(n: number, at: KillPoint): void {
      countdown = n;
      point = at;
      dead = false;
    },
    /** A new process: nothing dies any more. */
    revive(): void {
      countdown = undefined;
      dead = false;
    },
    get dead() {
      return dead;
    },
    get records() {
      return records;
    },
    get deaths() {
      return deaths;
    },
    /** What the worker was writing when it died. */
    get killedRecord() {
      return killedRecord;
    },
  };
}

export type { KillPoint };
export { dyingWorkerStore, WorkerKilled };
