import type { SQSEvent } from 'aws-lambda';
import { MemoryQueue } from '../../functions/adapters/memory-queue';
import { EventSourceMapping } from '../../cli/local/event-source-mapping';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Class: MemoryQueue', () => {
  describe('Method: receive', () => {
    it('hides a received message for the visibility timeout, then delivers it again', () => {
      const time = clock();
      const queue = new MemoryQueue({ name: 'q', visibilityTimeoutMs: 1000, now: time.now });
      void queue.send({ body: 'a' });
      expect(queue.receive(10).map((m) => [m.body, m.receiveCount])).toEqual([['a', 1]]);
      expect(queue.receive(10)).toEqual([]);
      time.advance(1000);
      expect(queue.receive(10).map((m) => [m.body, m.receiveCount])).toEqual([['a', 2]]);
    });

    it('moves a message received maxReceiveCount times to the dead-letter queue', () => {
      const time = clock();
      const deadLetter = new MemoryQueue({ name: 'dlq', visibilityTimeoutMs: 1000, now: time.now });
      const queue = new MemoryQueue({ name: 'q', visibilityTimeoutMs: 1000, maxReceiveCount: 3, deadLetter, now: time.now });
      void queue.send({ body: 'poison' });
      for (let i = 0; i < 3; i += 1) {
        expect(queue.receive(10)).toHaveLength(1);
        time.advance(1000);
      }
      expect(queue.receive(10)).toEqual([]);
      expect(queue.depth).toBe(0);
      expect(deadLetter.bodies).toEqual(['poison']);
    });

    it('holds every message back for the delivery delay', () => {
      const time = clock();
      const queue = new MemoryQueue({ name: 'q', visibilityTimeoutMs: 1000, deliveryDelayMs: 2000, now: time.now });
      void queue.send({ body: 'a' });
      expect(queue.receive(10)).toEqual([]);
      expect(queue.nextVisibleInMs()).toBe(2000);
      time.advance(2000);
      expect(queue.receive(10)).toHaveLength(1);
    });
  });

  describe('FIFO', () => {
    it('accepts and drops a message whose deduplication id it saw within five minutes', async () => {
      const time = clock();
      const queue = new MemoryQueue({ name: 'q.fifo', fifo: true, visibilityTimeoutMs: 1000, now: time.now });
      await queue.send({ body: '1', groupId: 'g', deduplicationId: 'd1' });
      await queue.send({ body: '2', groupId: 'g', deduplicationId: 'd1' });
      await queue.send({ body: '3', groupId: 'g', deduplicationId: 'd2' });
      expect(queue.bodies).toEqual(['1', '3']);
      time.advance(5 * 60_000);
      await queue.send({ body: '4', groupId: 'g', deduplicationId: 'd1' });
      expect(queue.bodies).toEqual(['1', '3', '4']);
    });

    it('delivers one batch of a message group at a time, in order', async () => {
      const queue = new MemoryQueue({ name: 'q.fifo', fifo: true, visibilityTimeoutMs: 1000 });
      for (const id of ['1', '2', '3']) await queue.send({ body: id, groupId: 'g', deduplicationId: id });
      const first = queue.receive(2);
      expect(first.map((m) => m.body)).toEqual(['1', '2']);
      expect(queue.receive(2)).toEqual([]);
      for (const message of first) queue.delete(message.receiptHandle);
      expect(queue.receive(2).map((m) => m.body)).toEqual(['3']);
    });

    it('refuses a message without group or deduplication id', async () => {
      const queue = new MemoryQueue({ name: 'q.fifo', fifo: true, visibilityTimeoutMs: 1000 });
      await expect(queue.send({ body: 'x' })).rejects.toThrow(/group id/);
    });
  });
});

describe('Class: EventSourceMapping', () => {
  it('deletes what the handler did, delivers reported failures again, and dead-letters what keeps failing', async () => {
    // Prepare
    const deadLetter = new MemoryQueue({ name: 'dlq', visibilityTimeoutMs: 60_000 });
    const queue = new MemoryQueue({ name: 'q', visibilityTimeoutMs: 60_000, maxReceiveCount: 4, deadLetter });
    const attempts = new Map<string, number>();
    const handler = async (event: SQSEvent) => {
      const failures = [];
      for (const record of event.Records) {
        const seen = (attempts.get(record.body) ?? 0) + 1;
        attempts.set(record.body, seen);
        expect(record.attributes.ApproximateReceiveCount).toBe(String(seen));
        if (record.body === 'poison' || (record.body === 'flaky' && seen < 3)) failures.push({ itemIdentifier: record.messageId });
      }
      return { batchItemFailures: failures };
    };
    for (const body of ['ok', 'flaky', 'poison']) await queue.send({ body });

    // Act
    const mapping = new EventSourceMapping({ queue, workers: 2, batchSize: 10, batchingWindowMs: 0, retryDelayMs: 0, handler });
    await mapping.idle();
    await mapping.stop();

    // Assess
    expect(Object.fromEntries(attempts)).toEqual({ ok: 1, flaky: 3, poison: 4 });
    expect(queue.depth).toBe(0);
    expect(deadLetter.bodies).toEqual(['poison']);
  });

  it('delivers the whole batch again when the handler throws', async () => {
    const queue = new MemoryQueue({ name: 'q', visibilityTimeoutMs: 60_000 });
    let calls = 0;
    const errors: unknown[] = [];
    const mapping = new EventSourceMapping({
      queue,
      workers: 1,
      batchSize: 10,
      batchingWindowMs: 0,
      retryDelayMs: 0,
      handler: async (event) => {
        calls += 1;
        if (calls === 1) throw new Error(`lost ${event.Records.length}`);
      },
      onError: (error) => errors.push(error),
    });
    await queue.send({ body: 'a' });
    await queue.send({ body: 'b' });
    await mapping.idle();
    await mapping.stop();
    expect(errors.map((e) => (e as Error).message)).toEqual([expect.stringMatching(/^lost [12]$/)]);
    expect(queue.depth).toBe(0);
  });
});
