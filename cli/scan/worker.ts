// A scan worker thread (scan/pool.ts starts it): runs extractBatch on each batch it is sent and posts the
// result back with the batch's number. An exception in one batch is posted back as that batch's error.
import { parentPort } from 'worker_threads';
import { extractBatch, type BatchResult } from './batch';

export interface BatchRequest {
  id: number;
  lines: string[];
  /** Whether the batch gets the extractor's learned decisions (the scanner decides: scanner.ts flush). */
  learned: boolean;
}

export type BatchReply = { id: number; result: BatchResult } | { id: number; error: string };

const port = parentPort;
if (port)
  port.on('message', ({ id, lines, learned }: BatchRequest) => {
    let reply: BatchReply;
    try {
      reply = { id, result: extractBatch(lines, learned) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
