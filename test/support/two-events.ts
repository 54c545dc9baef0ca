import { DEFAULT_POLICY, STORY_MODEL, type StoryPolicy } from '../../functions/core/stories/story-policy';

/**
 * Two similar events, the way ECB+ pairs them: the same champion defends the same title twice,
 * against different challengers, in different cities, months apart. Written for the tests (not
 * taken from any data set). Each article mixes the topic's common wording with its own event's
 * details, so a lone report of the second event resembles the first event's story.
 */
const COMMON = [
  'The heavyweight champion Wladimir Klitschko kept his world title belts with another dominant performance in the ring.',
  'Klitschko controlled the fight behind his jab and the referee waved the bout off after a barrage of punches.',
  'The Ukrainian champion has not lost a heavyweight fight in years and remains the dominant force in the division.',
  'Boxing fans watched Klitschko defend the IBF and WBO heavyweight titles once again.',
];

interface Event {
  challenger: string;
  details: string[];
  titles: string[];
}

const EVENTS: Record<'bern' | 'mannheim', Event> = {
  bern: {
    challenger: 'Thompson',
    titles: ['Klitschko stops Tony Thompson in Bern', 'Thompson falls to Klitschko at Stade de Suisse', 'Klitschko beats Thompson in Switzerland', 'Tony Thompson no match for Klitschko in Bern'],
    details: [
      'Tony Thompson, the American southpaw from Washington, was knocked down twice in the sixth round at the Stade de Suisse in Bern.',
      'A crowd of 27,000 filled the Bern football stadium on a warm July evening in Switzerland.',
      'Thompson, 36, had waited years for the mandatory challenge and said the Swiss crowd never rattled him.',
      'Trainer Emanuel Steward said the July fight in Bern showed Klitschko at his sharpest against the Washington southpaw.',
      'The Bern promoter Klaus-Peter Kohl praised the Swiss organisers of the open-air fight.',
      'Thompson complained after the Bern stoppage that the referee from Switzerland moved in too early.',
    ],
  },
  mannheim: {
    challenger: 'Rahman',
    titles: ['Klitschko stops Hasim Rahman in Mannheim', 'Rahman outclassed by Klitschko at SAP Arena', 'Klitschko beats Rahman in Germany', 'Hasim Rahman no match for Klitschko in Mannheim'],
    details: [
      'Hasim Rahman, the former champion from Baltimore, was stopped in the seventh round at the SAP Arena in Mannheim.',
      'A sold-out crowd of 13,000 packed the Mannheim arena on a cold December night in Germany.',
      'Rahman, 35, had stepped in as a late replacement for Alexander Povetkin and weighed in at a career heavy.',
      'Rahman threw almost nothing in Mannheim and the German crowd booed the Baltimore fighter between rounds.',
      'The Mannheim fight was televised across Germany by RTL as the December headline bout.',
      'Rahman said after the Mannheim stoppage that he had taken the December fight on short notice.',
    ],
  },
};

export interface EventArticle {
  event: 'bern' | 'mannheim';
  name: string;
  title: string;
  text: string;
}

/** `count` reports of one event, each a different choice and order of sentences. */
export function eventArticles(event: 'bern' | 'mannheim', count: number): EventArticle[] {
  const { titles, details } = EVENTS[event];
  return Array.from({ length: count }, (_, i) => {
    const own = [0, 1, 2].map((k) => details[(i + k * (1 + (i % 2))) % details.length]);
    const paragraphs = [own[0], COMMON[i % COMMON.length], own[1], COMMON[(i + 1) % COMMON.length], own[2], COMMON[(i + 2) % COMMON.length]];
    return { event, name: `${event}-${i + 1}`, title: titles[i % titles.length], text: paragraphs.join('\n\n') };
  });
}

/**
 * A story decision that joins on topic (the shipped model with its threshold lowered by 4 log-odds):
 * the first report of the second event then joins the first event's story, as a lone report that
 * looks like one more does, and the split has something to undo. The shipped model keeps these two
 * events apart from the start (test/unit/story-split.test.ts).
 */
export const JOINS_ON_TOPIC: StoryPolicy = { ...DEFAULT_POLICY, model: { ...STORY_MODEL, threshold: STORY_MODEL.threshold - 4 } };
