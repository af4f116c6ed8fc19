/**
 * The worker threads of `kiyan serve`, each holding one loaded lexicon index. A job goes to
 * the least busy worker; a worker that dies (out of memory on a huge text) fails only the
 * jobs it held and is replaced, so no request can take the server down.
 */
import { Worker } from 'node:worker_threads';
import type { Job } from './jobs.js';

interface Pending {
  resolve: (out: string) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  ready: boolean;
}

export interface PoolOptions {
  jobs: number;
  lexicons: string[];
  /** Heap limit of each worker (MB): a text too big for it fails alone. */
  maxOldGenerationSizeMb: number;
}

export class JobFailed extends Error {}

export class ServePool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closing = false;
  /** Resolves when every worker has loaded its index; rejects if one cannot start. */
  readonly ready: Promise<void>;

  constructor(private readonly opts: PoolOptions) {
    const starts: Array<Promise<void>> = [];
    for (let i = 0; i < opts.jobs; i++) starts.push(this.spawn(i));
    this.ready = Promise.all(starts).then(() => undefined);
  }

  private spawn(at: number): Promise<void> {
    const worker = new Worker(new URL('./serve-worker.js', import.meta.url), {
      workerData: { lexicons: this.opts.lexicons },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb },
    });
    const slot: Slot = { worker, pending: new Map(), ready: false };
    this.slots[at] = slot;
    return new Promise((resolve, reject) => {
      worker.on('message', (msg: { ready?: true; id: number; out?: string; error?: string }) => {
        if (msg.ready) {
          slot.ready = true;
          resolve();
          return;
        }
        const p = slot.pending.get(msg.id);
        if (!p) return;
        slot.pending.delete(msg.id);
        if (msg.error !== undefined) p.reject(new JobFailed(msg.error));
        else p.resolve(msg.out!);
      });
      let why: Error | undefined;
      worker.on('error', (e) => (why ??= e));
      worker.on('exit', (code) => {
        const err = new JobFailed(`worker stopped (${why?.message ?? `exit ${code}`})`);
        for (const p of slot.pending.values()) p.reject(err);
        slot.pending.clear();
        if (!slot.ready) return reject(new Error(why?.message ?? `a worker could not start (exit ${code})`));
        // A worker that ran and died is replaced; one that never started is not retried.
        if (!this.closing && this.slots[at] === slot) this.spawn(at).catch(() => undefined);
      });
    });
  }

  run(job: Job): Promise<string> {
    const live = this.slots.filter((s) => s.ready);
    if (!live.length) return Promise.reject(new JobFailed('no worker is ready'));
    let slot = live[0];
    for (const s of live) if (s.pending.size < slot.pending.size) slot = s;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
