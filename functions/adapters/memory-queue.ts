import type { QueueMessage, QueuePort } from '../ports/queue';

export interface MemoryQueueOptions {
  name: string;
  /** How long a received message stays hidden before it is delivered again (unless deleted). */
  visibilityTimeoutMs: number;
  /** Every message becomes visible this long after it was sent (SQS DelaySeconds). */
  deliveryDelayMs?: number;
  /** FIFO: one batch of a message group in flight at a time, and deduplication by id. */
  fifo?: boolean;
  /** After this many receives, the next receive moves the message to `deadLetter` instead. */
  maxReceiveCount?: number;
  deadLetter?: MemoryQueue;
  now?: () => number;
}

export interface ReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  receiveCount: number;
  sentAt: number;
  groupId?: string;
  deduplicationId?: string;
}

interface Stored {
  messageId: string;
  body: string;
  groupId?: string;
  deduplicationId?: string;
  sentAt: number;
  visibleAt: number;
  receiveCount: number;
  receiptHandle?: string;
}

/** SQS keeps a FIFO deduplication id for five minutes. */
const DEDUPLICATION_WINDOW_MS = 5 * 60_000;

/**
 * An in-process queue with the SQS semantics the pipeline relies on: at-least-once delivery with a
 * visibility timeout, a redrive to a dead-letter queue after `maxReceiveCount` receives, a delivery
 * delay, and for FIFO queues deduplication ids and one in-flight batch per message group.
 */
export class MemoryQueue implements QueuePort {
  private readonly messages: Stored[] = [];
  private readonly deduplicated = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private sequence = 0;
  private readonly now: () => number;

  constructor(readonly options: MemoryQueueOptions) {
    this.now = options.now ?? Date.now;
  }

  async send(message: QueueMessage): Promise<void> {
    const now = this.now();
    if (this.options.fifo) {
      if (!message.groupId || !message.deduplicationId) throw new Error(`${this.options.name}: a FIFO queue needs a group id and a deduplication id`);
      const seen = this.deduplicated.get(message.deduplicationId);
      if (seen !== undefined && now - seen < DEDUPLICATION_WINDOW_MS) return;
      this.deduplicated.set(message.deduplicationId, now);
    }
    this.sequence += 1;
    this.messages.push({
      messageId: `${this.options.name}-${this.sequence}`,
      body: message.body,
      ...(message.groupId ? { groupId: message.groupId } : {}),
      ...(message.deduplicationId ? { deduplicationId: message.deduplicationId } : {}),
      sentAt: now,
      visibleAt: now + (this.options.deliveryDelayMs ?? 0),
      receiveCount: 0,
    });
    this.wake();
  }

  /**
   * Up to `max` visible messages, hidden for the visibility timeout. A message already received
   * `maxReceiveCount` times moves to the dead-letter queue instead. In a FIFO queue, a group with
   * a message in flight gives nothing, and a batch holds one group's messages in order.
   */
  receive(max: number): ReceivedMessage[] {
    const now = this.now();
    const busyGroups = new Set(this.messages.filter((m) => m.visibleAt > now && m.receiptHandle && m.groupId).map((m) => m.groupId));
    const batch: Stored[] = [];
    for (const message of [...this.messages]) {
      if (batch.length >= max) break;
      if (message.visibleAt > now) {
        if (this.options.fifo && message.groupId) busyGroups.add(message.groupId);
        continue;
      }
      if (this.options.fifo && (busyGroups.has(message.groupId) || (batch.length > 0 && batch[0]!.groupId !== message.groupId))) continue;
      const limit = this.options.maxReceiveCount;
      if (limit !== undefined && message.receiveCount >= limit && this.options.deadLetter) {
        this.remove(message);
        void this.options.deadLetter.send({ body: message.body, ...(message.groupId ? { groupId: message.groupId } : {}), ...(message.deduplicationId ? { deduplicationId: `${message.deduplicationId}-dead` } : {}) });
        continue;
      }
      batch.push(message);
    }
    return batch.map((message) => {
      message.receiveCount += 1;
      message.visibleAt = now + this.options.visibilityTimeoutMs;
      message.receiptHandle = `${message.messageId}#${message.receiveCount}`;
      return {
        messageId: message.messageId,
        receiptHandle: message.receiptHandle,
        body: message.body,
        receiveCount: message.receiveCount,
        sentAt: message.sentAt,
        ...(message.groupId ? { groupId: message.groupId } : {}),
        ...(message.deduplicationId ? { deduplicationId: message.deduplicationId } : {}),
      };
    });
  }

  /** Deletes a received message; a stale receipt (the message was received again since) does nothing. */
  delete(receiptHandle: string): void {
    const message = this.messages.find((m) => m.receiptHandle === receiptHandle);
    if (message) this.remove(message);
  }

  /** Makes a received message visible again after `delayMs` (ChangeMessageVisibility). */
  release(receiptHandle: string, delayMs = 0): void {
    const message = this.messages.find((m) => m.receiptHandle === receiptHandle);
    if (!message) return;
    message.visibleAt = this.now() + delayMs;
    message.receiptHandle = undefined;
    this.wake();
  }

  /** Messages in the queue, visible, delayed or in flight. */
  get depth(): number {
    return this.messages.length;
  }

  get bodies(): string[] {
    return this.messages.map((m) => m.body);
  }

  /** Messages that a receive could return now. */
  visibleCount(): number {
    const now = this.now();
    return this.messages.filter((m) => m.visibleAt <= now).length;
  }

  /** Milliseconds until the next message becomes visible; undefined when the queue is empty. */
  nextVisibleInMs(): number | undefined {
    if (this.messages.length === 0) return undefined;
    return Math.max(0, Math.min(...this.messages.map((m) => m.visibleAt)) - this.now());
  }

  /** Calls `listener` whenever a message is sent or released. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private remove(message: Stored): void {
    this.messages.splice(this.messages.indexOf(message), 1);
    this.wake();
  }

  private wake(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
