import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool, workerCount } from '../../src/build/worker-pool.ts';
import type { TestJob } from '../fixtures/workers/jobs-worker.ts';

const WORKER = join(import.meta.dirname, '../fixtures/workers/jobs-worker.ts');
const pools: WorkerPool<TestJob, number>[] = [];

function pool(size: number): WorkerPool<TestJob, number> {
  const created = new WorkerPool<TestJob, number>(WORKER, size, undefined, (job) => `the "${job.kind}" job`);
  pools.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()));
});

describe('worker pool', () => {
  it('answers every job, more jobs than workers', async () => {
    const twoWorkers = pool(2);
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => twoWorkers.run({ kind: 'double', value })));
    expect(results).toEqual([2, 4, 6, 8, 10]);
  });

  it('rejects a failing job with its error fields, and keeps serving the others', async () => {
    const twoWorkers = pool(2);
    const failure = twoWorkers.run({ kind: 'fail', line: 12 });
    await expect(failure).rejects.toThrow('this job fails');
    await expect(failure).rejects.toMatchObject({ line: 12 });
    await expect(twoWorkers.run({ kind: 'double', value: 4 })).resolves.toBe(8);
  });

  it('rejects the job of a worker that crashes, naming the job, and runs the rest on the other worker', async () => {
    const twoWorkers = pool(2);
    const crash = twoWorkers.run({ kind: 'crash' }).catch((error: unknown) => error);
    const others = Promise.all([1, 2, 3].map((value) => twoWorkers.run({ kind: 'slow', value, milliseconds: 20 })));
    expect(String(await crash)).toMatch(/worker thread failed while working on the "crash" job: the worker crashed/);
    await expect(others).resolves.toEqual([1, 2, 3]);
    expect(twoWorkers.size).toBe(1);
  });

  it('rejects the job of a worker that exits without answering', async () => {
    await expect(pool(2).run({ kind: 'exit' })).rejects.toThrow(/"exit" job: the worker thread exited with code 3/);
  });

  it('rejects waiting jobs once every worker has died, instead of leaving them pending', async () => {
    const oneWorker = pool(1);
    const [exit, waiting] = await Promise.allSettled([
      oneWorker.run({ kind: 'exit' }),
      oneWorker.run({ kind: 'double', value: 1 }),
    ]);
    expect(exit).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringMatching(/exited with code 3/) },
    });
    expect(waiting).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/Every worker/) } });
    await expect(oneWorker.run({ kind: 'double', value: 1 })).rejects.toThrow(/Every worker thread has failed/);
  });

  it('rejects unfinished and later jobs when closed', async () => {
    const oneWorker = pool(1);
    const running = oneWorker.run({ kind: 'slow', value: 1, milliseconds: 5_000 });
    const queued = oneWorker.run({ kind: 'double', value: 1 });
    const outcomes = Promise.allSettled([running, queued]);
    await oneWorker.close();
    const [runningOutcome, queuedOutcome] = await outcomes;
    expect(runningOutcome).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringMatching(/closed before/) },
    });
    expect(queuedOutcome).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringMatching(/closed before/) },
    });
    await expect(oneWorker.run({ kind: 'double', value: 1 })).rejects.toThrow(/closed/);
  });

  it('refuses a size that is not a whole number of threads', () => {
    expect(() => new WorkerPool(WORKER, Number.NaN)).toThrow(RangeError);
    expect(() => new WorkerPool(WORKER, 0)).toThrow(RangeError);
  });
});

describe('workerCount', () => {
  it('reads a whole number from the variable, or uses one thread per core', () => {
    expect(workerCount('OG_WORKERS', { OG_WORKERS: '3' })).toBe(3);
    expect(workerCount('OG_WORKERS', {})).toBeGreaterThanOrEqual(1);
  });

  it('names the variable when its value is not a whole number of threads', () => {
    expect(() => workerCount('OG_WORKERS', { OG_WORKERS: 'auto' })).toThrow(
      'OG_WORKERS must be a whole number of worker threads, 1 or more; it is "auto".',
    );
    expect(() => workerCount('OG_WORKERS', { OG_WORKERS: '0' })).toThrow(/OG_WORKERS/);
    expect(() => workerCount('OG_WORKERS', { OG_WORKERS: '1.5' })).toThrow(/OG_WORKERS/);
  });
});
