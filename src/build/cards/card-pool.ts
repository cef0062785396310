/** Cards rendered by a pool of worker threads (`worker.ts`), each written straight to its file. */
import { WorkerPool } from '../worker-pool.ts';
import type { CardSpec } from '../../outputs/card/card-spec.ts';
import type { CardJob } from './card-worker.ts';

export class CardPool {
  private readonly pool: WorkerPool<CardJob, void>;

  constructor(workerFile: string, size: number) {
    this.pool = new WorkerPool(workerFile, size);
  }

  /** Renders `spec` into `file`; resolves when the file is in place. */
  async render(spec: CardSpec, file: string): Promise<void> {
    try {
      await this.pool.run({ spec, file });
    } catch (error) {
      throw new Error(
        `Rendering the card "${spec.headline}" (${spec.kicker}) into ${file} failed: ${error instanceof Error ? error.stack : String(error)}`,
        { cause: error },
      );
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
