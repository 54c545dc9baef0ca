import { MemoryQueue } from '../../functions/adapters/memory-queue';
import { FUNCTION_TIMEOUTS, LOCAL_NAMES, QUEUES } from '../../functions/shared/resources';

export interface LocalQueues {
  ingest: MemoryQueue;
  ingestDeadLetter: MemoryQueue;
  publish: MemoryQueue;
  publishDeadLetter: MemoryQueue;
}

/** The stack's queues, in process, from the same definition (functions/shared/resources.ts). */
export function localQueues(): LocalQueues {
  const ingestDeadLetter = new MemoryQueue({ name: LOCAL_NAMES.ingestDeadLetterQueue, visibilityTimeoutMs: 30_000 });
  const publishDeadLetter = new MemoryQueue({ name: LOCAL_NAMES.publishDeadLetterQueue, visibilityTimeoutMs: 30_000, fifo: true });
  return {
    ingestDeadLetter,
    publishDeadLetter,
    ingest: new MemoryQueue({
      name: LOCAL_NAMES.ingestQueue,
      visibilityTimeoutMs: FUNCTION_TIMEOUTS.ingestSeconds * QUEUES.ingest.visibilityTimeoutFactor * 1000,
      maxReceiveCount: QUEUES.ingest.maxReceiveCount,
      deadLetter: ingestDeadLetter,
    }),
    publish: new MemoryQueue({
      name: LOCAL_NAMES.publishQueue,
      fifo: true,
      deliveryDelayMs: QUEUES.publish.bucketSeconds * 1000,
      visibilityTimeoutMs: FUNCTION_TIMEOUTS.publishSeconds * QUEUES.publish.visibilityTimeoutFactor * 1000,
      maxReceiveCount: QUEUES.publish.maxReceiveCount,
      deadLetter: publishDeadLetter,
    }),
  };
}
