import { parseArgs } from 'node:util';
import { runLocal } from './commands/local';
import { runIngest } from './commands/ingest';
import { runDigest } from './commands/digest';
import { runEvalArticles } from './commands/eval-articles';
import { runEvalClaims } from './commands/eval-claims';
import { runEvalPairs } from './commands/eval-pairs';
import { runEvalStories } from './commands/eval-stories';

const USAGE = `Usage: corroborate <command> [options]

Commands:
  local [paths...]          Run the whole pipeline on a local mini-AWS (DynamoDB Local + S3 emulator).
                            Default input: seeds/. Options: --serve (keep running), --reset (wipe local
                            state first), --data-dir DIR (default .corroborate), --out FILE (default out/digest.json),
                            --workers N (ingest batches handled at once, default 1: file order)
  ingest <paths...>         Upload files or directories to the configured bucket's inbox/ (AWS or the local
                            stack, chosen by the standard AWS environment and CORROBORATE_BUCKET).
  digest [--json]           Print the current digest from the configured bucket (or out/digest.json).
  eval articles FILE.jsonl [--out PRED.jsonl] [--orders N] [--concurrency N]
                            Ingest every article line ({id, title, text, source?, publishedAt?, url?}) in
                            file order through the ingest code; write {id, story, duplicateOf, derivedFrom}
                            per line; with gold fields present, print clustering and reprint scores.
                            --orders N: also replay N-1 seeded shuffles of the file (online clustering
                            depends on arrival order) and print each order's scores and their mean.
                            --concurrency N: ingest N consecutive lines at once, as concurrent invocations.
  eval stories DIR|FILES... [--orders N] [--ablate NAME,...] [--score SET,...] [--write-model FILE]
                            Leave-one-dataset-out story grouping over stories-*.jsonl: for each set, the
                            story model is fitted on the other sets, then the set runs through the ingest
                            code in N arrival orders (default 3), dated sets also undated; prints pairwise
                            F1 (mean, min), B-cubed, ARI and the naive TF-IDF reference tuned in-set.
                            --ablate split,fold,window-5d,page-chrome,lead: one line per mechanism switched; feature:NAME
                            takes a link feature out of the fit and the decision (or puts it in);
                            switches joined by + make one line (feature:otherBest+feature:rivalBest).
                            --score allsides-dev,...: score only these sets, each still fitted on all the others.
                            --write-model FILE: also fit on every set and write the model.
                            --errors N: print the N most mixed and most split stories per set.
                            --on-policy: also train on the candidates met following the model's own
                            decisions (labelled by gold), not only along the gold stories.
                            --calibration: also print, per set, how often the best candidate is the
                            article's story, by its log-odds under the fold model (file order).
                            --batches N: also score N small undated batches per set (10 related stories,
                            at most 5 reports each, each on a corpus of its own), beside the naive reference;
                            with --orders 0, the batches alone.
  eval claims DIR|FILES... [--print]
                            Claim matching within the gold stories of stories-*.jsonl: each story's
                            articles in file order through the ingest's claim matching; prints per set
                            the mentions that join an earlier article's claim (another outlet's) and
                            the disputes by kind. --print: every join and dispute, tab-separated.
  eval pairs FILE.jsonl|DIR... [--out PRED.jsonl] [--folds N] [--tf-kld] [--shipped]
                            The claim matcher on {id, a, b} sentence pairs: same = do the two sentences
                            state the same claim (the decision model, as the pipeline matches claims);
                            score = how similar they are, 0-1 (the graded model alone; it does not
                            change the decision). By default nested cross-validation over all the
                            files given together (a directory: its pairs-*.jsonl), N outer folds
                            (default 5), term weights, models and thresholds fitted inside each
                            fold: prints out-of-fold accuracy/F1 (gold label) or Spearman (gold
                            score) per file, writes out-of-fold {id, set, same, score} with --out.
                            --tf-kld: also fit TF-KLD term weights (inside each fit) as features.
                            --shipped: the shipped matcher as it is, no fitting (held-out files).
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'local': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          serve: { type: 'boolean', default: false },
          reset: { type: 'boolean', default: false },
          'data-dir': { type: 'string', default: '.corroborate' },
          out: { type: 'string', default: 'out/digest.json' },
          workers: { type: 'string' },
        },
      });
      const workers = values.workers === undefined ? undefined : Number(values.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UsageError('--workers needs a whole number, 1 or more');
      await runLocal({ inputs: positionals.length > 0 ? positionals : ['seeds'], dataDir: values['data-dir']!, reset: values.reset!, serve: values.serve!, out: values.out!, ...(workers ? { workers } : {}) });
      return 0;
    }
    case 'ingest': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
      if (positionals.length === 0) throw new UsageError('ingest needs at least one file or directory');
      await runIngest(positionals);
      return 0;
    }
    case 'digest': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false }, file: { type: 'string', default: 'out/digest.json' } } });
      await runDigest({ json: values.json!, file: values.file! });
      return 0;
    }
    case 'eval': {
      const [kind, ...evalArgs] = rest;
      if (kind === 'stories') {
        const { values, positionals } = parseArgs({ args: evalArgs, allowPositionals: true, options: { orders: { type: 'string', default: '3' }, ablate: { type: 'string' }, score: { type: 'string' }, 'write-model': { type: 'string' }, 'no-undated-training': { type: 'boolean', default: false }, errors: { type: 'string', default: '0' }, 'on-policy': { type: 'boolean', default: false }, calibration: { type: 'boolean', default: false }, batches: { type: 'string', default: '0' } } });
        if (positionals.length === 0) throw new UsageError('eval stories needs a directory of stories-*.jsonl or the files');
        const orders = Number(values.orders);
        const batches = Number(values.batches);
        if (!Number.isInteger(batches) || batches < 0) throw new UsageError('--batches needs a whole number of batches, 0 or more');
        if (!Number.isInteger(orders) || orders < (batches > 0 ? 0 : 1)) throw new UsageError('--orders needs a whole number of orders, 1 or more (0 with --batches: the batches alone)');
        const ablate = values.ablate ? values.ablate.split(',').filter(Boolean) : [];
        const score = values.score ? values.score.split(',').filter(Boolean) : undefined;
        await runEvalStories({ inputs: positionals, orders, ablate, score, writeModel: values['write-model'], trainUndated: !values['no-undated-training'], errors: Number(values.errors), onPolicy: values['on-policy'], calibration: values.calibration, batches });
        return 0;
      }
      if (kind === 'claims') {
        const { values, positionals } = parseArgs({ args: evalArgs, allowPositionals: true, options: { print: { type: 'boolean', default: false } } });
        if (positionals.length === 0) throw new UsageError('eval claims needs a directory of stories-*.jsonl or the files');
        await runEvalClaims({ inputs: positionals, print: values.print! });
        return 0;
      }
      const { values, positionals } = parseArgs({
        args: evalArgs,
        allowPositionals: true,
        options: {
          out: { type: 'string' },
          orders: { type: 'string' },
          concurrency: { type: 'string' },
          folds: { type: 'string' },
          shipped: { type: 'boolean', default: false },
          'tf-kld': { type: 'boolean', default: false },
        },
      });
      if (kind === 'pairs') {
        if (positionals.length === 0) throw new UsageError('eval pairs needs at least one JSON Lines file or directory');
        const folds = values.folds === undefined ? 5 : Number(values.folds);
        if (!Number.isInteger(folds) || folds < 2) throw new UsageError('--folds needs a whole number of folds, 2 or more');
        await runEvalPairs({ files: positionals, out: values.out, folds, shipped: values.shipped!, termWeights: values['tf-kld']! });
        return 0;
      }
      if (positionals.length !== 1) throw new UsageError('eval needs exactly one JSON Lines file');
      const orders = values.orders === undefined ? 1 : Number(values.orders);
      if (!Number.isInteger(orders) || orders < 1) throw new UsageError('--orders needs a whole number of orders, 1 or more');
      const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency needs a whole number of articles at once, 1 or more');
      if (kind === 'articles') await runEvalArticles({ file: positionals[0], out: values.out, orders, concurrency });
      else throw new UsageError(`unknown evaluation "${kind ?? ''}": use "eval articles", "eval stories", "eval claims" or "eval pairs"`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 1 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

/**
 * Exits once what was written is out: into a pipe, stdout is written asynchronously, and
 * process.exit alone would cut off the end of a long listing (`eval claims --print | ...`).
 */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(
  (code) => exitAfterOutput(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`corroborate: ${(error as Error).message}\n\n${USAGE}`);
      exitAfterOutput(2);
      return;
    }
    console.error(`corroborate: ${(error as Error).stack ?? error}`);
    exitAfterOutput(1);
  },
);
