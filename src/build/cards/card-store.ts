/**
 * Cards by content hash in a cache folder that survives builds: a card is rendered only when its key
 * (its data plus the renderer's fingerprint) is not there yet. Counts what it rendered and reused.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CardSpec } from '../../outputs/card/card-spec.ts';
import { cardKey } from './card-fingerprint.ts';

/** Writes the PNG of `spec` to `file`. */
export type CardRenderer = (spec: CardSpec, file: string) => Promise<void>;

export interface CardStats {
  rendered: number;
  cached: number;
}

export class CardStore {
  readonly stats: CardStats = { rendered: 0, cached: 0 };
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly counted = new Set<string>();
  /** Keys by spec object: hashing is the costly part of a cache hit. */
  private readonly files = new WeakMap<CardSpec, string>();
  private readonly done = new Set<string>();
  private prefetched = false;
  private readonly cacheDir: string;
  private readonly fingerprint: string;
  private readonly renderer: CardRenderer;

  constructor(options: { cacheDir: string; fingerprint: string; render: CardRenderer }) {
    this.cacheDir = options.cacheDir;
    this.fingerprint = options.fingerprint;
    this.renderer = options.render;
    mkdirSync(this.cacheDir, { recursive: true });
  }

  /** The folder of the cache, and the names of the entries this store has used: what a build keeps. */
  get directory(): string {
    return this.cacheDir;
  }

  usedEntries(): Set<string> {
    return new Set([...this.done, ...this.inFlight.keys()].map((file) => basename(file)));
  }

  fileOf(spec: CardSpec): string {
    let file = this.files.get(spec);
    if (!file) {
      file = join(this.cacheDir, `${cardKey(spec, this.fingerprint)}.png`);
      this.files.set(spec, file);
    }
    return file;
  }

  /**
   * Starts rendering every card not in the cache yet, without waiting (the renderer may be a pool).
   * Only the first call does anything: every card endpoint calls it with the same list.
   */
  prefetch(specs: Iterable<CardSpec>): void {
    if (this.prefetched) return;
    this.prefetched = true;
    // A failure is kept in its promise and thrown by `png()` for the card's own route, which names it;
    // unobserved until then, it must not end the process as an unhandled rejection.
    for (const spec of specs) this.ensure(spec).catch(() => undefined);
  }

  /** The PNG of `spec`, from the cache or freshly rendered. */
  async png(spec: CardSpec): Promise<Buffer> {
    await this.ensure(spec);
    return readFileSync(this.fileOf(spec));
  }

  private ensure(spec: CardSpec): Promise<void> {
    const file = this.fileOf(spec);
    const running = this.inFlight.get(file);
    if (running) return running;
    if (this.done.has(file)) return Promise.resolve();
    if (existsSync(file)) {
      this.count(file, 'cached');
      this.done.add(file);
      return Promise.resolve();
    }
    const render = this.renderer(spec, file).then(() => {
      this.count(file, 'rendered');
      this.done.add(file);
      this.inFlight.delete(file);
    });
    this.inFlight.set(file, render);
    return render;
  }

  private count(file: string, outcome: 'rendered' | 'cached'): void {
    if (this.counted.has(file)) return;
    this.counted.add(file);
    this.stats[outcome] += 1;
  }
}
