/**
 * A fixed pool of worker threads, one job per worker at a time: the build's parallel work (cards, MDX
 * compilation) on `node:worker_threads`. Idle workers do not keep the process alive, and memory stays
 * bounded: only the queue of jobs is held. The worker side answers through `serveJobs`.
 */
import { Worker, parentPort } from 'node:worker_threads';

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

export class WorkerPool<Job, Result> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending<Job, Result>[] = [];
  private readonly running = new Map<number, Pending<Job, Result>>();
  private nextId = 0;

  /** `workerData` must survive structured cloning; the constructor throws a DataCloneError otherwise. */
  constructor(workerFile: string, size: number, workerData?: unknown) {
    for (let index = 0; index < Math.max(1, size); index++) {
      const worker = new Worker(workerFile, { workerData });
      worker.on('message', (reply: ReplyMessage<Result>) => this.finish(worker, reply));
      worker.on('error', (error) => this.failAll(error));
      worker.unref();
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  run(job: Job): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message: { id: this.nextId++, job }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop();
      const pending = this.queue.shift();
      if (!worker || !pending) return;
      this.running.set(pending.message.id, pending);
      // A busy worker keeps the process alive until its job is answered.
      worker.ref();
      worker.postMessage(pending.message);
    }
  }

  private finish(worker: Worker, reply: ReplyMessage<Result>): void {
    const pending = this.running.get(reply.id);
    this.running.delete(reply.id);
    worker.unref();
    this.idle.push(worker);
    if (pending) {
      if (reply.error) {
        const error = Object.assign(new Error(reply.error.message), reply.error.fields);
        if (reply.error.stack) error.stack = reply.error.stack;
        pending.reject(error);
      } else {
        pending.resolve(reply.result as Result);
      }
    }
    this.dispatch();
  }

  private failAll(error: Error): void {
    for (const pending of [...this.running.values(), ...this.queue]) pending.reject(error);
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
