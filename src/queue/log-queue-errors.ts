import { Logger } from '@nestjs/common';

interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Listens to a BullMQ queue's connection errors (without a listener BullMQ prints each one to the
 * console) and logs at most one warning per interval: an outage shows once, not at every retry.
 */
const listened = new WeakSet<ErrorEmitter>();

export function logQueueErrors(queue: ErrorEmitter, logger: Logger, name: string, intervalMs = 30_000): void {
  // Several modules may share one queue instance; one listener each is enough.
  if (listened.has(queue)) return;
  listened.add(queue);
  let last = 0;
  queue.on('error', (error) => {
    const now = Date.now();
    if (now - last < intervalMs) return;
    last = now;
    logger.warn({ err: error, queue: name }, 'Queue connection error (Redis unreachable?)');
  });
}
