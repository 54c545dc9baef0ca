import { MemoryQueue } from '../../functions/adapters/memory-queue';
import { publishRequest } from '../../functions/core/publishing/publish-request';
import { handleSqsEvent } from '../../functions/ingest/handler';
import { QUEUES } from '../../functions/shared/resources';
import { memoryPipeline, s3Event, sqsEvent } from '../support/memory-pipeline';
import { seedFiles } from '../support/seeds';

function publishQueue() {
  return new MemoryQueue({ name: 'publish.fifo', fifo: true, visibilityTimeoutMs: 60_000 });
}

/** The first `count` seed files in the inbox, and one batch that delivers a message for each, all stamped at one event time. */
async function seedsInOneBatch(pipeline: ReturnType<typeof memoryPipeline>, count: number) {
  const seeds = seedFiles().slice(0, count);
  for (const seed of seeds) await pipeline.objects.put(`inbox/${seed.name}`, seed.bytes, 'text/plain');
  const at = pipeline.nextEventTime();
  const event = sqsEvent(seeds.map((seed) => ({ messageId: seed.name, body: s3Event([{ key: `inbox/${seed.name}`, eventTime: at }]) })));
  return { seeds, event };
}

describe('Function: handleSqsEvent', () => {
  it('reports only the message that failed transiently; bad input is set aside and counts as done', async () => {
    // Prepare
    const pipeline = memoryPipeline();
    const [first, second] = seedFiles();
    await pipeline.objects.put('inbox/good.txt', first!.bytes, 'text/plain');
    await pipeline.objects.put('inbox/flaky.txt', second!.bytes, 'text/plain');
    await pipeline.objects.put('inbox/broken.json', '{"title": ', 'application/json');
    const get = pipeline.objects.get.bind(pipeline.objects);
    jest.spyOn(pipeline.objects, 'get').mockImplementation(async (key) => {
      if (key === 'inbox/flaky.txt') throw new Error('S3 is unavailable');
      return get(key);
    });
    const at = pipeline.nextEventTime();
    const event = sqsEvent([
      { messageId: 'm-good', body: s3Event([{ key: 'inbox/good.txt', eventTime: at }]) },
      { messageId: 'm-flaky', body: s3Event([{ key: 'inbox/flaky.txt', eventTime: at }]) },
      { messageId: 'm-broken', body: s3Event([{ key: 'inbox/broken.json', eventTime: at }]) },
    ]);

    // Act
    const result = await handleSqsEvent(event, pipeline.deps);

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm-flaky' }]);
    expect(result.outcomes.map((o) => [o.key, o.status])).toEqual([
      ['inbox/good.txt', 'ingested'],
      ['inbox/broken.json', 'rejected'],
    ]);
    expect(pipeline.objects.objects.has('rejected/broken.json.error.json')).toBe(true);
    expect(pipeline.objects.objects.has('inbox/broken.json')).toBe(false);
  });

  it('ingests a message delivered three times once', async () => {
    // Prepare
    const pipeline = memoryPipeline();
    await pipeline.objects.put('inbox/once.txt', seedFiles()[0]!.bytes, 'text/plain');
    const message = { messageId: 'm-1', body: s3Event([{ key: 'inbox/once.txt', eventTime: pipeline.nextEventTime() }]) };
    const writes = () => Object.entries(pipeline.table.calls).filter(([operation]) => !/^(get|batchGet|query|queryRecent)$/.test(operation)).reduce((sum, [, count]) => sum + count, 0);

    // Act
    const deliveries = [];
    const writesAfter: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      deliveries.push(await handleSqsEvent(sqsEvent([message]), pipeline.deps));
      writesAfter.push(writes());
    }

    // Assess
    expect(deliveries.map((d) => d.outcomes.map((o) => o.status))).toEqual([['ingested'], ['already-processed'], ['already-processed']]);
    expect(deliveries.every((d) => d.batchItemFailures.length === 0)).toBe(true);
    // The redeliveries write nothing to the ledger.
    expect(writesAfter[2]).toBe(writesAfter[0]);
    const digest = JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get('digest/latest.json')!.body));
    expect(digest.stories.flatMap((s: { articles: unknown[] }) => s.articles)).toHaveLength(1);
    expect(await pipeline.deps.ledger.publishedVersion()).toBe(1);
  });

  it('takes the S3 test event as nothing to do', async () => {
    const pipeline = memoryPipeline();
    const testEvent = { Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2025-01-20T00:00:00.000Z', Bucket: 'corroborate', RequestId: 'r', HostId: 'h' };
    const result = await handleSqsEvent(sqsEvent([{ messageId: 'm-test', body: testEvent }]), pipeline.deps);
    expect(result).toEqual({ outcomes: [], batchItemFailures: [] });
    expect(pipeline.objects.objects.size).toBe(0);
  });

  it('reports a message that is not an S3 notification, so that it ends in the dead-letter queue', async () => {
    const pipeline = memoryPipeline();
    const result = await handleSqsEvent(sqsEvent([{ messageId: 'm-odd', body: '{"hello":"world"}' }, { messageId: 'm-text', body: 'not json' }]), pipeline.deps);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm-odd' }, { itemIdentifier: 'm-text' }]);
  });

  it('rejects an event that is not an SQS event', async () => {
    await expect(handleSqsEvent({ hello: 'world' }, memoryPipeline().deps)).rejects.toThrow();
  });

  describe('with a publish queue', () => {
    it('asks for a publish instead of publishing, one request per time bucket', async () => {
      // Prepare
      const pipeline = memoryPipeline();
      const queue = publishQueue();
      const deps = { ...pipeline.deps, publishQueue: queue };
      const seeds = seedFiles();
      for (const seed of seeds) await pipeline.objects.put(`inbox/${seed.name}`, seed.bytes, 'text/plain');

      // Act: five changes one second apart (the pipeline's clock), buckets of two seconds
      for (const seed of seeds) await handleSqsEvent(sqsEvent([{ messageId: seed.name, body: s3Event([{ key: `inbox/${seed.name}`, eventTime: pipeline.nextEventTime() }]) }]), deps);

      // Assess
      expect(pipeline.objects.objects.has('digest/latest.json')).toBe(false);
      expect(QUEUES.publish.bucketSeconds).toBe(2);
      expect(queue.depth).toBe(3);
      expect(queue.bodies.map((body) => Object.keys(JSON.parse(body)))).toEqual([['changedAt'], ['changedAt'], ['changedAt']]);
    });

    it('asks after each message, once per time bucket within an invocation', async () => {
      // Prepare
      const pipeline = memoryPipeline();
      const sent: string[] = [];
      const { event } = await seedsInOneBatch(pipeline, 3);
      const ingested: string[] = [];
      const recording = { send: async (message: { deduplicationId?: string }) => void sent.push(`${message.deduplicationId} after ${ingested.length}`) };
      const ledgerRecord = pipeline.deps.ledger.recordObject.bind(pipeline.deps.ledger);
      jest.spyOn(pipeline.deps.ledger, 'recordObject').mockImplementation(async (record) => {
        ingested.push(record.key);
        return ledgerRecord(record);
      });

      // Act
      await handleSqsEvent(event, { ...pipeline.deps, publishQueue: recording });

      // Assess: the first request goes out after the first article, before the others are ingested
      expect(sent).toEqual([`${publishRequest(pipeline.deps.now()).deduplicationId} after 1`]);
    });

    it("tells an observer of each message's outcomes before that message's publish request", async () => {
      // Prepare
      const pipeline = memoryPipeline();
      const events: string[] = [];
      const { seeds, event } = await seedsInOneBatch(pipeline, 2);
      const recording = { send: async () => void events.push('publish requested') };

      // Act
      const result = await handleSqsEvent(event, { ...pipeline.deps, publishQueue: recording }, {
        onMessageIngested: (outcomes) => events.push(...outcomes.map((o) => `${o.key} ${o.status}`)),
      });

      // Assess: the first message's line, then its request, then the second's line (its request is the same time bucket's)
      expect(events).toEqual([`inbox/${seeds[0].name} ingested`, 'publish requested', `inbox/${seeds[1].name} ingested`]);
      expect(result.outcomes.map((o) => o.key)).toEqual(seeds.map((seed) => `inbox/${seed.name}`));
    });

    it('asks for nothing when nothing could have changed', async () => {
      const pipeline = memoryPipeline();
      const queue = publishQueue();
      await pipeline.objects.put('inbox/empty.txt', '', 'text/plain');
      const at = pipeline.nextEventTime();
      await handleSqsEvent(sqsEvent([{ messageId: 'm-empty', body: s3Event([{ key: 'inbox/empty.txt', eventTime: at }]) }, { messageId: 'm-gone', body: s3Event([{ key: 'inbox/gone.txt', eventTime: at }]) }]), { ...pipeline.deps, publishQueue: queue });
      expect(queue.depth).toBe(0);
    });
  });
});

describe('Function: handleSqsEvent, when the publish request cannot be sent', () => {
  it('reports the message, and its redelivery finds the object processed and asks again', async () => {
    // Prepare
    const pipeline = memoryPipeline();
    const queue = publishQueue();
    await pipeline.objects.put('inbox/one.txt', seedFiles()[0]!.bytes, 'text/plain');
    const event = sqsEvent([{ messageId: 'm-1', body: s3Event([{ key: 'inbox/one.txt', eventTime: pipeline.nextEventTime() }]) }]);
    const down = { send: async () => Promise.reject(new Error('SQS is unavailable')) };

    // Act
    const failed = await handleSqsEvent(event, { ...pipeline.deps, publishQueue: down });
    const redelivered = await handleSqsEvent(event, { ...pipeline.deps, publishQueue: queue });

    // Assess
    expect(failed.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    expect(redelivered.outcomes.map((o) => o.status)).toEqual(['already-processed']);
    expect(redelivered.batchItemFailures).toEqual([]);
    expect(queue.depth).toBe(1);
  });
});
