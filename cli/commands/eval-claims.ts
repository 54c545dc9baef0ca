import { replayStoryClaims } from '../eval/claim-replay';
import { jsonLinesFiles } from '../eval/jsonl';
import { readStorySet } from '../eval/story-replay';

/**
 * Claim matching and disputes within the gold stories of story sets (a directory stands for its
 * stories-*.jsonl files): per set, how many mentions join a claim an earlier article of their story
 * made (and how many of those another outlet's), and how many new claims dispute an earlier one, by
 * kind. With `print`, every join and dispute as a tab-separated line on stdout (set, kind, story,
 * article, statement, the claim it joins or disputes, similarity or detail), to be read: the sets
 * carry no claim labels, so these are counts, not scores.
 */
export async function runEvalClaims(options: { inputs: string[]; print?: boolean }): Promise<void> {
  const files = options.inputs.flatMap((input) => jsonLinesFiles(input, 'stories-'));
  if (files.length === 0) throw new Error('eval claims: no stories-*.jsonl files given');
  for (const file of files) {
    const { name: set, lines } = await readStorySet(file);
    process.stderr.write(`${set}: matching the claims of ${lines.length} articles story by story\n`);
    const replay = replayStoryClaims(lines);
    if (options.print) {
      for (const j of replay.joins) console.log([set, j.otherOutlet ? 'join' : 'join-same-outlet', j.story, j.articleId, j.statement, j.claim, j.similarity].join('\t'));
      for (const d of replay.disputes) console.log([set, `dispute-${d.kind}`, d.story, d.articleId, d.statement, d.claim, d.detail].join('\t'));
    }
    const byKind = (kind: string) => replay.disputes.filter((d) => d.kind === kind).length;
    const otherOutlet = replay.joins.filter((j) => j.otherOutlet).length;
    (options.print ? process.stderr : process.stdout).write(
      `${set}: ${replay.stories} stories of 2 or more, ${replay.articles} articles, ${replay.mentions} mentions; ` +
        `${replay.joins.length} join an earlier article's claim (${otherOutlet} another outlet's); ` +
        `disputes: negation ${byKind('negation')}, figure ${byKind('number')}, date ${byKind('date')}\n`,
    );
  }
}
