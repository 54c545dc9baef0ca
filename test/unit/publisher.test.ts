import { MemoryQueue, type ReceivedMessage } from '../../functions/adapters/memory-queue';
import type { Digest } from '../../functions/core/digest/build-digest';
import { handleSqsEvent } from '../../functions/ingest/handler';
import { handlePublishRequests } from '../../functions/publish/handler';
import { DIGEST_KEYS, QUEUES } from '../../functions/shared/resources';
import { memoryPipeline, s3Event, sqsEvent } from '../support/memory-pipeline';
import { eventArticles } from '../support/two-events';

/** The pipeline with its publish queue as the stack builds it, on the pipeline's clock. */
function queuedPipeline() {
  const pipeline = memoryPipeline();
  const queue = new MemoryQueue({
    name: 'publish.fifo',
    fifo: true,
    deliveryDelayMs: QUEUES.publish.bucketSeconds * 1000,
    visibilityTimeoutMs: 60_000,
    now: () => pipeline.deps.now().getTime(),
  });
  const deps = { ...pipeline.deps, publishQueue: queue };
  let publishes = 0;
  /** What the publisher's event source mapping does when it polls: one batch, handled, deleted. */
  const poll = async () => {
    const batch: ReceivedMessage[] = queue.receive(QUEUES.publish.batchSize);
    if (batch.length === 0) return;
    if (await handlePublishRequests(sqsEvent(batch.map((m) => ({ messageId: m.messageId, body: m.body }))), deps)) publishes += 1;
    for (const message of batch) queue.delete(message.receiptHandle);
  };
  const latest = () => JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(DIGEST_KEYS.latest)!.body)) as Digest;
  return { pipeline, queue, deps, poll, latest, publishes: () => publishes };
}

describe('Function: handlePublishRequests', () => {
  it('publishes a burst of changes a few times, and the last digest holds every article', async () => {
    // Prepare
    const { pipeline, queue, deps, poll, latest, publishes } = queuedPipeline();
    const articles = [...eventArticles('bern', 7), ...eventArticles('mannheim', 7)];
    for (const article of articles) await pipeline.objects.put(`inbox/${article.name}.txt`, `${article.title}\n\n${article.text}`, 'text/plain');

    // Act: one article a second (the pipeline's clock), the publisher polling after each
    for (const article of articles) {
      const key = `inbox/${article.name}.txt`;
      await handleSqsEvent(sqsEvent([{ messageId: key, body: s3Event([{ key, eventTime: pipeline.nextEventTime() }]) }]), deps);
      await poll();
    }
    const duringBurst = publishes();
    pipeline.nextEventTime();
    pipeline.nextEventTime();
    await poll();

    // Assess
    expect(duringBurst).toBeLessThanOrEqual(Math.ceil(articles.length / QUEUES.publish.bucketSeconds));
    expect(publishes()).toBeLessThan(articles.length);
    expect(queue.depth).toBe(0);
    const keys = latest().stories.flatMap((story) => story.articles.map((a) => a.key));
    expect(keys.sort()).toEqual(articles.map((a) => `inbox/${a.name}.txt`).sort());
    expect(pipeline.notifier.notices).toHaveLength(publishes());
    expect(await pipeline.deps.ledger.publishedVersion()).toBe(latest().version);
  });

  it('publishes nothing when nothing changed since the last digest', async () => {
    // Prepare
    const { pipeline, deps, latest } = queuedPipeline();
    const [article] = eventArticles('bern', 1);
    await pipeline.objects.put('inbox/one.txt', `${article!.title}\n\n${article!.text}`, 'text/plain');
    await handleSqsEvent(sqsEvent([{ messageId: 'm', body: s3Event([{ key: 'inbox/one.txt', eventTime: pipeline.nextEventTime() }]) }]), deps);
    const request = sqsEvent([{ messageId: 'r1', body: { changedAt: pipeline.deps.now().toISOString() } }]);
    const first = await handlePublishRequests(request, deps);
    const put = jest.spyOn(pipeline.objects, 'put');

    // Act
    const again = await handlePublishRequests(request, deps);

    // Assess
    expect(first?.version).toBe(1);
    expect(again).toBeUndefined();
    expect(put).not.toHaveBeenCalled();
    expect(pipeline.notifier.notices).toHaveLength(1);
    expect(latest().version).toBe(1);
  });
});
