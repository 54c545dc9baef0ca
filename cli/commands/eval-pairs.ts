import { claimFeatures } from '../../functions/core/claims/claim-features';
import { claimMatch } from '../../functions/core/claims/claim-similarity';
import { jsonLinesWriter, progress, readJsonLines } from '../eval/jsonl';
import { binaryScores, spearman } from '../eval/metrics';

interface PairLine {
  id: string;
  a: string;
  b: string;
  label?: number;
  score?: number;
}

/**
 * The claim matcher on sentence pairs: for each {id, a, b} writes {id, same, score}. `same` answers
 * "do they state the same claim?" (the decision model, as the pipeline matches claims) and `score`
 * "how similar are they, 0-1?" (the graded model alone): two questions, two models, so a pair can be
 * `same` with a middling score or not `same` with a high one. Accuracy/F1 are of `same`, Spearman of
 * `score`. Gold `label` or `score` fields are read only after every decision is made.
 */
export async function runEvalPairs(options: { file: string; out?: string }): Promise<void> {
  const out = options.out ? jsonLinesWriter(options.out) : undefined;
  const predictions: Array<{ id: string; same: boolean; score: number }> = [];
  const gold: Array<{ label?: number; score?: number }> = [];
  const meter = progress('pairs', 1000);
  for await (const line of readJsonLines<PairLine>(options.file)) {
    const match = claimMatch(claimFeatures(line.a), claimFeatures(line.b));
    const prediction = { id: line.id, same: match.same, score: Math.round(match.score * 10000) / 10000 };
    predictions.push(prediction);
    out?.write(prediction);
    gold.push({ label: line.label, score: line.score });
    meter.tick(predictions.length);
  }
  await out?.close();

  const labelled = gold.map((g, i) => ({ g, p: predictions[i] })).filter(({ g }) => g.label !== undefined);
  if (labelled.length > 0) {
    const scores = binaryScores(labelled.map(({ g }) => g.label === 1), labelled.map(({ p }) => p.same));
    console.log(`pairs: ${labelled.length} labelled; accuracy ${(scores.accuracy * 100).toFixed(1)}, F1 ${(scores.f1 * 100).toFixed(1)} (precision ${(scores.precision * 100).toFixed(1)}, recall ${(scores.recall * 100).toFixed(1)})`);
  }
  const scored = gold.map((g, i) => ({ g, p: predictions[i] })).filter(({ g }) => g.score !== undefined);
  if (scored.length > 0) {
    const rho = spearman(scored.map(({ g }) => g.score!), scored.map(({ p }) => p.score));
    console.log(`pairs: ${scored.length} scored; Spearman x100 ${(rho * 100).toFixed(1)}`);
  }
  if (labelled.length === 0 && scored.length === 0) console.log(`pairs: ${predictions.length} decided (no gold fields to score against)`);
}
