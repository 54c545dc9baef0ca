import type { Digest } from '../../functions/core/digest/build-digest';
import type { StoryRecord } from '../../functions/core/records';
import { JOIN_STORY_THRESHOLD } from '../../functions/core/stories/assign-story';
import { BRIDGED_MERGE_THRESHOLD, MERGE_STORIES_THRESHOLD, shouldMerge, shouldMergeThrough, SMALL_STORY_ARTICLES } from '../../functions/core/stories/merge';
import { addToCentroid, articleTermVector, cosine, type TermVector } from '../../functions/core/stories/term-vector';
import { handleS3Event } from '../../functions/ingest/handler';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { bothReport, emailsReport, inquiryReport, type Report } from '../support/bridged-reports';
import { memoryPipeline, s3Event } from '../support/memory-pipeline';

const vectorOf = (report: Report) => articleTermVector(report.title, report.text.split('\n\n'));
const storyOf = (id: string, centroid: TermVector, members: number, extra: Partial<StoryRecord> = {}) => ({
  id,
  centroid,
  memberIds: Array.from({ length: members }, (_, i) => `${id}-article-${i}`),
  ...extra,
});

describe('an article that bridges two stories', () => {
  const emails = vectorOf(emailsReport);
  const inquiry = vectorOf(inquiryReport);
  const both = vectorOf(bothReport);

  it('is the case the tests are about: two reports too unlike to join, a third like both', () => {
    expect(cosine(emails, inquiry)).toBeLessThan(JOIN_STORY_THRESHOLD);
    expect(cosine(both, emails)).toBeGreaterThan(cosine(both, inquiry));
    expect(cosine(both, inquiry)).toBeGreaterThanOrEqual(JOIN_STORY_THRESHOLD);
    expect(shouldMerge(storyOf('s-emails', emails, 1), storyOf('s-inquiry', inquiry, 1))).toBe(false);
  });

  it('shows a small story to be the one it joins when, with the article, the two are alike', () => {
    const joins = storyOf('s-emails', emails, 1);
    expect(cosine(addToCentroid(emails, 1, both), inquiry)).toBeGreaterThanOrEqual(BRIDGED_MERGE_THRESHOLD);
    expect(shouldMergeThrough(both, joins, storyOf('s-inquiry', inquiry, 1))).toBe(true);
    expect(shouldMergeThrough(both, joins, storyOf('s-inquiry', inquiry, SMALL_STORY_ARTICLES))).toBe(true);
  });

  it('leaves two stories of more than a few articles each to their own likeness', () => {
    const big = SMALL_STORY_ARTICLES + 1;
    expect(cosine(emails, inquiry)).toBeLessThan(MERGE_STORIES_THRESHOLD);
    expect(shouldMergeThrough(both, storyOf('s-emails', emails, big), storyOf('s-inquiry', inquiry, big))).toBe(false);
  });

  it('never bridges through a story that has split, nor a story and the one split from it', () => {
    expect(shouldMergeThrough(both, storyOf('s-emails', emails, 1), storyOf('s-inquiry', inquiry, 1, { splitFrom: 's-emails' }))).toBe(false);
    // Its events were alike enough to share it: a small story of either may be the other event.
    expect(shouldMergeThrough(both, storyOf('s-emails', emails, 1, { splitInto: ['s-other'] }), storyOf('s-inquiry', inquiry, 1))).toBe(false);
    expect(shouldMergeThrough(both, storyOf('s-emails', emails, 1), storyOf('s-inquiry', inquiry, 1, { splitFrom: 's-other' }))).toBe(false);
  });

  it('does not bridge a story the article is only loosely like', () => {
    const other = articleTermVector('Ferry timetable changes for winter', ['The harbor ferry will run every two hours from November, the operator said, and the winter timetable starts on Monday.']);
    expect(cosine(addToCentroid(emails, 1, both), other)).toBeLessThan(BRIDGED_MERGE_THRESHOLD);
    expect(shouldMergeThrough(both, storyOf('s-emails', emails, 1), storyOf('s-ferry', other, 1))).toBe(false);
  });

  it('makes one story of the three reports in the pipeline, under the first story id', async () => {
    const pipeline = memoryPipeline();
    for (const report of [emailsReport, inquiryReport, bothReport]) {
      const key = `inbox/${report.name}/${report.name}.txt`;
      await pipeline.objects.put(key, new TextEncoder().encode(`${report.title}\n\n${report.text}`), 'text/plain');
      await handleS3Event(s3Event([{ key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    }
    const digest = JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(DIGEST_KEYS.latest)!.body)) as Digest;
    expect(digest.stories).toHaveLength(1);
    expect(digest.stories[0].articles.map((article) => article.source).sort()).toEqual(['city-herald', 'ledger-post', 'wire-report']);
    expect(digest.stories[0].headline).toBe(emailsReport.title);
  });
});
