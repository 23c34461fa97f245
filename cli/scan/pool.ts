// Worker threads for `wxerr scan`: batches go to the least busy worker, each answer comes back to the promise
// of its batch. The caller (scan/scanner.ts) applies answers in the order it sent the batches, so the output
// does not depend on which worker was faster. A worker that dies rejects its pending batches with
// ScanThreadFailed; the caller redoes them in its own thread.
import { existsSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';
import { Worker } from 'worker_threads';
import type { BatchResult } from './batch';
import type { BatchReply, BatchRequest } from './worker';

export class ScanThreadFailed extends Error {}

interface Pending {
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  dead: boolean;
}

/** The worker script: compiled (dist/) next to this file, or the TypeScript source through ts-node. */
function startWorker(script?: string): Worker {
  if (script) return new Worker(script);
  const built = join(__dirname, 'worker.js');
  if (existsSync(built)) return new Worker(built);
  const project = join(__dirname, '..', '..', 'tsconfig.node.json');
  const register = `require(${JSON.stringify(createRequire(__filename).resolve('ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(project)} });`;
  return new Worker(`${register} require(${JSON.stringify(join(__dirname, 'worker.ts'))});`, {
    eval: true,
  });
}

export class BatchPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;

  /** `script`: another worker file (tests use one that fails). */
  constructor(size: number, script?: string) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(script));
  }

  private spawn(script?: string): Slot {
    const slot: Slot = { worker: startWorker(script), pending: new Map(), dead: false };
    const fail = (why: string) => {
      if (slot.dead) return;
      slot.dead = true;
      const error = new ScanThreadFailed(why);
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
    };
    slot.worker.on('message', (reply: BatchReply) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) slot.worker.unref();
      if ('error' in reply) p.reject(new ScanThreadFailed(reply.error));
      else p.resolve(reply.result);
    });
    slot.worker.on('error', (error: unknown) => fail(error instanceof Error ? error.message : String(error)));
    slot.worker.on('exit', (code) => fail(`it exited with code ${code}`));
    // An idle worker does not keep the process alive; a busy one does (its answer is awaited).
    slot.worker.unref();
    return slot;
  }

  /** Sends a batch to the live worker with the fewest pending batches. */
  run(lines: string[], learned = false): Promise<BatchResult> {
    const live = this.slots.filter((s) => !s.dead);
    if (live.length === 0) return Promise.reject(new ScanThreadFailed('no scan thread is running'));
    const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise<BatchResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.ref();
      const request: BatchRequest = { id, lines, learned };
      slot.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    for (const slot of this.slots) slot.dead = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
