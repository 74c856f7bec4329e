/// <reference types="node" />
/**
 * Streaming a segment list as one JSON array: chunks as the warehouse produces the ids,
 * and writing them to a Node response with backpressure.
 */
import type { ServerResponse } from 'node:http';

/**
 * The JSON array of ids as chunks of text: `[` and the first batch, then each further
 * batch, then `]`. A failure after the first batch is reported and rethrown, so the
 * writer cuts the response short (invalid JSON, never a shorter list that parses).
 * `done` is called once the list is written, failed or abandoned.
 */
export async function* jsonArrayChunks(
  batches: AsyncIterable<string[]>,
  onError: ((error: unknown) => void) | undefined,
  done: () => void,
): AsyncGenerator<string> {
  const it = batches[Symbol.asyncIterator]();
  let open = false;
  let finished = false;
  try {
    for (;;) {
      let next: IteratorResult<string[]>;
      try {
        next = await it.next();
      } catch (error) {
        finished = true;
        onError?.(error);
        throw error;
      }
      if (next.done) break;
      if (next.value.length === 0) continue;
      yield (open ? ',' : '[') + next.value.map((id) => JSON.stringify(id)).join(',');
      open = true;
    }
    finished = true;
    yield open ? ']' : '[]';
  } finally {
    // The reader stopped early (the client went away): end the query, close its cursor.
    if (!finished) await it.return?.();
    done();
  }
}
/** Writes chunks to a Node response, waiting on backpressure; ends early when the client goes away. */
export async function writeChunks(res: ServerResponse, chunks: AsyncIterable<string>): Promise<void> {
  const it = chunks[Symbol.asyncIterator]();
  let closed = false;
  const onClose = () => {
    closed = true;
  };
  res.once('close', onClose);
  try {
    for (;;) {
      if (closed || res.destroyed) {
        await it.return?.();
        return;
      }
      const next = await it.next();
      if (next.done) break;
      if (!res.write(next.value))
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
    }
    res.end();
  } catch (e) {
    // Headers are sent: cutting the connection is the only way to say the list is incomplete.
    res.destroy(e instanceof Error ? e : new Error(String(e)));
  } finally {
    res.off('close', onClose);
  }
}
