/**
 * A fixed pool of worker threads, one job per worker at a time: the build's parallel work (cards, MDX
 * compilation) on `node:worker_threads`. Idle workers do not keep the process alive, and memory stays
 * bounded: only the queue of jobs is held. The worker side answers through `serveJobs`.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';

/** Pools start only once this many jobs wait at the same time: starting threads costs more than a few jobs. */
export const POOL_THRESHOLD = 4;

/**
 * How many worker threads a pool may start: the whole number in the environment variable `variable`
 * (`OG_WORKERS`), or one per core. Anything else is a mistake worth stopping for.
 */
export function workerCount(variable: string, env: NodeJS.ProcessEnv = process.env): number {
  const value = env[variable];
  if (value === undefined || value.trim() === '') return availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`${variable} must be a whole number of worker threads, 1 or more; it is "${value}".`);
  }
  return count;
}

interface JobMessage<Job> {
  readonly id: number;
  readonly job: Job;
}

interface ReplyMessage<Result> {
  readonly id: number;
  readonly result?: Result;
  /** The failure, with the own enumerable fields of the error (such as `line` and `column`). */
  readonly error?: { message: string; stack?: string | undefined; fields: Record<string, unknown> };
}

interface Pending<Job, Result> {
  readonly message: JobMessage<Job>;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Every job settles: answered by its worker, rejected when that worker throws outside the job or exits
 * before answering, or rejected when no worker is left or the pool is closed. A job that never settled
 * would let the process end as if the build had succeeded.
 */
export class WorkerPool<Job, Result> {
  private readonly workers = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly queue: Pending<Job, Result>[] = [];
  private readonly running = new Map<Worker, Pending<Job, Result>>();
  private readonly describe: (job: Job) => string;
  private nextId = 0;
  private closed = false;
  private lastFailure: Error | undefined;

  /**
   * `workerData` must survive structured cloning; the constructor throws a DataCloneError otherwise.
   * `describe` names a job in the error when its worker dies ("src/content/briefings/x.mdx").
   */
  constructor(workerFile: string, size: number, workerData?: unknown, describe: (job: Job) => string = () => 'a job') {
    this.describe = describe;
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`A worker pool needs a whole number of threads, 1 or more; got ${size}.`);
    }
    for (let index = 0; index < size; index++) {
      const worker = new Worker(workerFile, { workerData });
      worker.on('message', (reply: ReplyMessage<Result>) => this.finish(worker, reply));
      worker.on('error', (error) => this.lose(worker, error));
      worker.on('exit', (code) => this.lose(worker, new Error(`the worker thread exited with code ${code}`)));
      worker.unref();
      this.workers.add(worker);
      this.idle.push(worker);
    }
  }

  get size(): number {
    return this.workers.size;
  }

  run(job: Job): Promise<Result> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('The worker pool is closed.'));
        return;
      }
      if (this.workers.size === 0) {
        reject(new Error(`Every worker thread has failed; the last one: ${this.lastFailure?.message}`));
        return;
      }
      this.queue.push({ message: { id: this.nextId++, job }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs not answered yet are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.workers];
    // Forgotten first, so their exit events (from terminate) are not taken for failures.
    this.workers.clear();
    this.idle.length = 0;
    this.rejectAll(() => new Error('The worker pool was closed before the job was done.'));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop();
      const pending = this.queue.shift();
      if (!worker || !pending) return;
      this.running.set(worker, pending);
      // A busy worker keeps the process alive until its job is answered.
      worker.ref();
      worker.postMessage(pending.message);
    }
  }

  private finish(worker: Worker, reply: ReplyMessage<Result>): void {
    const pending = this.running.get(worker);
    if (!pending || pending.message.id !== reply.id) return;
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (reply.error) {
      const error = Object.assign(new Error(reply.error.message), reply.error.fields);
      if (reply.error.stack) error.stack = reply.error.stack;
      pending.reject(error);
    } else {
      pending.resolve(reply.result as Result);
    }
    this.dispatch();
  }

  /** A worker threw outside any job, or exited: its job fails, and the others go on with the rest. */
  private lose(worker: Worker, cause: Error): void {
    if (!this.workers.delete(worker)) return;
    this.lastFailure = cause;
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    const pending = this.running.get(worker);
    this.running.delete(worker);
    if (pending) {
      const job = this.describe(pending.message.job);
      pending.reject(new Error(`A worker thread failed while working on ${job}: ${cause.message}`, { cause }));
    }
    if (this.workers.size === 0) {
      this.rejectAll(() => new Error(`Every worker thread has failed; the last one: ${cause.message}`, { cause }));
    }
  }

  private rejectAll(reason: () => Error): void {
    for (const pending of [...this.running.values(), ...this.queue]) pending.reject(reason());
    this.running.clear();
    this.queue.length = 0;
  }
}

/** In a worker thread: answers every job the pool sends with `handle`'s result or its error. */
export function serveJobs<Job, Result>(handle: (job: Job) => Promise<Result>): void {
  parentPort?.on('message', ({ id, job }: JobMessage<Job>) => {
    handle(job).then(
      (result) => parentPort?.postMessage({ id, result } satisfies ReplyMessage<Result>),
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        const fields = Object.fromEntries(
          Object.entries(failure).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value)),
        );
        parentPort?.postMessage({
          id,
          error: { message: failure.message, stack: failure.stack, fields },
        } satisfies ReplyMessage<Result>);
      },
    );
  });
}
