import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { MemoryQueue } from '../../functions/adapters/memory-queue';

export interface EventSourceMappingOptions {
  queue: MemoryQueue;
  /** Batches handled at once (the mapping's maximum concurrency). */
  workers: number;
  batchSize: number;
  /** How long a worker waits for a batch to fill once a message is visible. */
  batchingWindowMs: number;
  /** Wait before a failed message is delivered again (SQS waits for the visibility timeout). */
  retryDelayMs: number;
  handler: (event: SQSEvent) => Promise<SQSBatchResponse | void>;
  /** Called when the handler throws: every message of the batch is delivered again. */
  onError?: (error: unknown) => void;
}

/**
 * What Lambda's SQS event source mapping does, in process: `workers` loops each receive a batch,
 * hand it to the handler as an SQS event, delete the messages it did not report in
 * `batchItemFailures` and let the others be delivered again (every one when the handler throws).
 * The queue's receive limit moves a message that keeps failing to its dead-letter queue.
 */
export class EventSourceMapping {
  private stopped = false;
  private busy = 0;
  private readonly loops: Promise<void>[] = [];
  private readonly changed = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(private readonly options: EventSourceMappingOptions) {
    this.unsubscribe = options.queue.onChange(() => this.notify());
    for (let i = 0; i < options.workers; i += 1) this.loops.push(this.work());
  }

  /** Resolves once the queue is empty and no batch is being handled. */
  async idle(): Promise<void> {
    while (this.options.queue.depth > 0 || this.busy > 0) await this.nextChange(1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    this.notify();
    await Promise.all(this.loops);
  }

  private async work(): Promise<void> {
    const { queue, batchSize, batchingWindowMs } = this.options;
    while (!this.stopped) {
      const wait = queue.nextVisibleInMs();
      if (wait === undefined || wait > 0) {
        await this.nextChange(wait);
        continue;
      }
      if (batchingWindowMs > 0 && queue.visibleCount() < batchSize) await sleep(batchingWindowMs);
      const received = queue.receive(batchSize);
      if (received.length === 0) {
        await this.nextChange(50);
        continue;
      }
      this.busy += 1;
      try {
        await this.deliver(received);
      } finally {
        this.busy -= 1;
        this.notify();
      }
    }
  }

  private async deliver(received: ReturnType<MemoryQueue['receive']>): Promise<void> {
    const { queue, handler, retryDelayMs } = this.options;
    const event: SQSEvent = {
      Records: received.map((message) => ({
        messageId: message.messageId,
        receiptHandle: message.receiptHandle,
        body: message.body,
        attributes: {
          ApproximateReceiveCount: String(message.receiveCount),
          SentTimestamp: String(message.sentAt),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(message.sentAt),
          ...(message.groupId ? { MessageGroupId: message.groupId } : {}),
          ...(message.deduplicationId ? { MessageDeduplicationId: message.deduplicationId } : {}),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:local:000000000000:${queue.options.name}`,
        awsRegion: 'local',
      })),
    };
    let failed: Set<string>;
    try {
      const response = await handler(event);
      failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (error) {
      this.options.onError?.(error);
      failed = new Set(received.map((message) => message.messageId));
    }
    for (const message of received) {
      if (failed.has(message.messageId)) queue.release(message.receiptHandle, retryDelayMs);
      else queue.delete(message.receiptHandle);
    }
  }

  private nextChange(timeoutMs?: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.changed.delete(done);
        if (timer) clearTimeout(timer);
        resolve();
      };
      const timer = timeoutMs === undefined ? undefined : setTimeout(done, timeoutMs);
      this.changed.add(done);
    });
  }

  private notify(): void {
    for (const listener of [...this.changed]) listener();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
