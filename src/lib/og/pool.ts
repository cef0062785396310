/**
 * A fixed pool of worker threads rendering cards, one job per worker at a time. Idle workers do not
 * keep the process alive, and memory stays bounded: only the queue of card specs is held.
 */
import { Worker } from 'node:worker_threads';
import type { CardSpec } from './card-spec.ts';
import type { CardJob, CardJobResult } from './worker.ts';

interface Pending {
  readonly job: CardJob;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export class CardPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<number, Pending>();
  private nextId = 0;

  constructor(workerFile: string, size: number) {
    for (let index = 0; index < Math.max(1, size); index++) {
      const worker = new Worker(workerFile);
      worker.on('message', (result: CardJobResult) => this.finish(worker, result));
      worker.on('error', (error) => this.failAll(error));
      worker.unref();
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Renders `spec` into `file`; resolves when the file is in place. */
  render(spec: CardSpec, file: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, spec, file }, resolve, reject });
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
      this.running.set(pending.job.id, pending);
      // A busy worker keeps the process alive until its card is written.
      worker.ref();
      worker.postMessage(pending.job);
    }
  }

  private finish(worker: Worker, result: CardJobResult): void {
    const pending = this.running.get(result.id);
    this.running.delete(result.id);
    worker.unref();
    this.idle.push(worker);
    if (pending) {
      if (result.error) pending.reject(new Error(`Rendering the card ${pending.job.file} failed: ${result.error}`));
      else pending.resolve();
    }
    this.dispatch();
  }

  private failAll(error: Error): void {
    for (const pending of [...this.running.values(), ...this.queue]) pending.reject(error);
    this.running.clear();
    this.queue.length = 0;
  }
}
