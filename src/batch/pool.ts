/**
 * Executors for batch tasks: in the main thread (one job), or a pool of worker threads
 * (each holds one extractor). Tasks are handed to the least busy worker; the
 * caller keeps results in input order (see run.ts), so the output never depends on timing.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { createExtractor } from '../extractor.js';
import { runTaskLoading, type Result, type Task, type TaskConfig } from './process.js';

export interface Executor {
  run(task: Task): Promise<Result>;
  close(): Promise<void>;
  /** Stop at once (interrupt). */
  kill(): void;
}

export class InlineExecutor implements Executor {
  private readonly extractor;
  constructor(private readonly cfg: TaskConfig) {
    this.extractor = createExtractor({ lexicons: cfg.lexicons });
  }
  run(task: Task): Promise<Result> {
    // Yield to the event loop between tasks so that signals and output errors are seen.
    return new Promise((resolve) => setImmediate(() => resolve(runTaskLoading(task, this.cfg, this.extractor))));
  }
  async close(): Promise<void> {}
  kill(): void {}
}

interface Slot {
  worker: Worker;
  busy: number;
  dead?: Error;
  /** Deaths since this slot's last result: a worker that cannot even start is not restarted for ever. */
  deaths: number;
  pending: Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>;
}

export class WorkerPool implements Executor {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closing = false;
  private readonly start: () => Worker;
  constructor(jobs: number, cfg: TaskConfig, resourceLimits?: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb?: number }) {
    const url = new URL('./worker.js', import.meta.url);
    // worker_threads is loaded only when a pool is made: a single small input runs inline.
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    this.start = () => new Worker(url, { workerData: cfg, resourceLimits });
    for (let i = 0; i < jobs; i++) {
      const slot: Slot = { worker: this.start(), busy: 0, pending: new Map(), deaths: 0 };
      this.watch(slot);
      this.slots.push(slot);
    }
  }
  /**
   * A worker that dies (out of memory on one task) fails the tasks it held, and is
   * replaced by a fresh one, so that one bad unit does not fail the rest of the run.
   */
  private watch(slot: Slot): void {
    const worker = slot.worker;
    worker.on('message', (msg: { id: number; result: Result }) => {
      const p = slot.pending.get(msg.id);
      if (!p) return;
      slot.pending.delete(msg.id);
      slot.busy--;
      slot.deaths = 0;
      p.resolve(msg.result);
    });
    let gone = false;
    const die = (err: Error): void => {
      if (gone || slot.worker !== worker) return;
      gone = true;
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
      slot.busy = 0;
      if (this.closing || ++slot.deaths > 3) {
        slot.dead = err;
        return;
      }
      void worker.terminate();
      slot.worker = this.start();
      this.watch(slot);
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`worker exited (${code})`)));
  }
  run(task: Task): Promise<Result> {
    const live = this.slots.filter((s) => !s.dead);
    if (!live.length) return Promise.reject(this.slots[0].dead ?? new Error('no worker'));
    let slot = live[0];
    for (const s of live) if (s.busy < slot.busy) slot = s;
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, task });
    });
  }
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
  kill(): void {
    this.closing = true;
    for (const s of this.slots) void s.worker.terminate();
  }
}
