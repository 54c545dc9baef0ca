import type { ArticleRecord, ClaimRecord, MentionRecord } from '../records';
import { withoutDateline } from '../text/dateline';
import { claimFeatures, type ClaimFeatures } from './claim-features';
import { MIN_SHARED_TERMS } from './claim-index';
import { claimSimilarity, numbersConflict, SAME_CLAIM_THRESHOLD } from './claim-similarity';
import { findQuantities, resolveDates, type Quantity, type ResolvedDate } from './dates';
import { contradictionWith, StoryClaimIndex, type Contradiction, type StatementFacts } from './disputes';
import { countriesForCapitals, countriesForLeaders, findEntities, sameEntity } from './entities';
import { related } from './lexicon';
import { AUX, isVerbLike } from './verbs';
import { extractClaims, type ExtractedClaim } from './extract-claims';
import { alignRewrite } from './rewrite';

export interface ArticleClaims {
  /** Claims this article is the first to make. */
  newClaims: ClaimRecord[];
  /** One per extracted claim, pointing at a new or an existing claim. */
  mentions: MentionRecord[];
  /** For each extracted claim in order, the existing claim it joined, if any. */
  matchedTo: Array<string | undefined>;
  /** The earlier article of the story that this one rewrites sentence by sentence (see alignRewrite). */
  derivedFrom?: string;
}

/**
 * Extracts an article's claims and matches each against the claims its story already holds: a
 * match becomes a mention of the existing claim, anything else a new claim. Ids are derived from
 * the article id and claim position, so a retried ingest writes the same records.
 *
 * A claim is matched against every wording the story has for it: its first mention's and those of
 * the later mentions of other articles (`storyMentions`), so an outlet that words it like the second
 * or third outlet rather than the first still joins it. Candidates come from the story's term index
 * over all these wordings; a match through a later wording must not conflict with the claim's own
 * (figures, polarity, actors), so that no chain of paraphrases drifts into another claim.
 *
 * An article that rewrites an earlier one of the story sentence by sentence (alignRewrite) is
 * aligned with it: a sentence the matcher left unmatched joins the claim of the origin's sentence in
 * its place, unless the two conflict (polarity, figures, actors, as for any match). The origin is
 * named in `derivedFrom`.
 *
 * Each mention carries what was read from its sentence (attribution, quotes, a reported denial,
 * entities, resolved dates, figures); a new claim that contradicts one the story holds (states it in
 * the negative, or with another figure or date) names it in `contradicts`. Everything is written on
 * this article's own records: an ingest never rewrites an earlier claim or mention.
 */
export function matchArticleClaims(
  article: Pick<ArticleRecord, 'id' | 'source' | 'publishedAt' | 'ingestedAt' | 'storyId'>,
  paragraphs: readonly string[],
  storyClaimsRead: readonly ClaimRecord[],
  storyMentionsRead: readonly MentionRecord[] = [],
): ArticleClaims {
  // A retried ingest finds the claims and mentions its failed attempt wrote in the story: left out,
  // the retry decides as the first attempt did (a sentence would otherwise join the claim another
  // sentence of the same article made).
  const own = `c-${article.id.slice(0, 12)}`;
  const storyClaims = storyClaimsRead.filter((claim) => firstArticle(claim.id) !== own);
  const storyMentions = storyMentionsRead.filter((mention) => mention.articleId !== article.id);
  const claimsById = new Map(storyClaims.map((claim) => [claim.id, claim]));
  const derived = storyClaims.map((claim) => partialWordings(claim.statement ?? claim.text, claim.features).map(({ features, form }) => ({ ...claim, features, form })));
  const index = new StoryClaimIndex<Wording>([
    ...storyClaims.map((claim) => ({ ...claim, form: WHOLE })),
    // cores first, then main clauses: the order candidates are listed in (ties keep it)
    ...derived.flatMap((wordings) => wordings.filter((w) => w.form.kind === 'core')),
    ...derived.flatMap((wordings) => wordings.filter((w) => w.form.kind === 'clause')),
    ...laterWordings(claimsById, storyMentions, article.id),
  ]);
  const reference = article.publishedAt ?? article.ingestedAt;
  const referenceKind = article.publishedAt ? 'publishedAt' : 'ingestedAt';
  const extracted = extractClaims(paragraphs).map((claim) => readClaim(claim, reference, referenceKind));
  const matches = extracted.map(({ features, facts }) => {
    const probes = [{ features, form: WHOLE }, ...partialWordings(facts.statement, features)];
    return bestMatch(index, claimsById, probes, features, facts);
  });
  const rewrite = rewriteJoins(extracted, matches, claimsById, storyMentions, article.id);
  const result: ArticleClaims = { newClaims: [], mentions: [], matchedTo: [], ...(rewrite ? { derivedFrom: rewrite.origin } : {}) };
  extracted.forEach(({ claim, features, dates, statementDates, quantities, facts }, position) => {
    const { contradiction: opposite, sameAs } = matches[position];
    const match = matches[position].match ?? rewrite?.joins.get(position);
    let contradiction: Contradiction | undefined = opposite;
    const claimId = match?.claim.id ?? `${own}-${claim.index}`;
    if (!match) {
      if (!contradiction && (claim.negated || features.numbers.length > 0)) contradiction = index.find(features, facts);
      result.newClaims.push({
        id: claimId,
        storyId: article.storyId,
        text: claim.text,
        features,
        createdAt: article.ingestedAt,
        statement: claim.statement,
        negated: claim.negated,
        ...(statementDates.length > 0 ? { dates: statementDates } : {}),
        ...(quantities.length > 0 ? { quantities } : {}),
        ...(contradiction ? { contradicts: [contradiction] } : {}),
      });
    }
    result.matchedTo.push(match?.claim.id);
    const entities = findEntities(claim.text);
    result.mentions.push({
      claimId,
      storyId: article.storyId,
      articleId: article.id,
      source: article.source,
      text: claim.text,
      claimIndex: claim.index,
      ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
      ingestedAt: article.ingestedAt,
      similarity: match ? Math.round(match.similarity * 1000) / 1000 : 1,
      paragraph: claim.paragraph,
      start: claim.start,
      end: claim.end,
      ...(claim.part !== undefined ? { part: claim.part } : {}),
      statement: claim.statement,
      ...(claim.attribution ? { attribution: claim.attribution } : {}),
      ...(claim.quotes.length > 0 ? { quotes: claim.quotes } : {}),
      ...(claim.denial ? { denial: claim.denial } : {}),
      negated: claim.negated,
      ...(entities.length > 0 ? { entities } : {}),
      ...(dates.length > 0 ? { dates } : {}),
      ...(quantities.length > 0 ? { quantities } : {}),
      ...(sameAs.length > 0 ? { sameAs } : {}),
    });
  });
  return result;
}

/**
 * The claims `mentions` name that `claims` lacks, each known by the wording of its earliest mention
 * there (a claim record under the claim's id, read from the mention's statement): what a bounded
 * read of a large story (its newest members' mentions, the claims of its newest revisions) knows of
 * older claims that recent articles still report. Matched against with the story's claims, they
 * let a new article that reports such a claim join it rather than make it anew.
 */
export function claimsKnownByMentions(claims: readonly ClaimRecord[], mentions: readonly MentionRecord[]): ClaimRecord[] {
  const known = new Set(claims.map((claim) => claim.id));
  const earliest = new Map<string, MentionRecord>();
  for (const mention of mentions) {
    if (known.has(mention.claimId)) continue;
    const seen = earliest.get(mention.claimId);
    if (!seen || mention.ingestedAt < seen.ingestedAt || (mention.ingestedAt === seen.ingestedAt && mention.articleId < seen.articleId)) earliest.set(mention.claimId, mention);
  }
  return [...earliest.values()].map((mention) => {
    const fromMention = { id: mention.claimId, storyId: mention.storyId, createdAt: mention.ingestedAt, negated: false };
    const { form: _form, ...claim } = mentionWording(fromMention, mention, claimFeatures(countriesForCapitals(mention.statement ?? mention.text)));
    return claim;
  });
}

/** What a claim of the article states: its features and the facts that tell claims apart. */
interface ReadClaim {
  claim: ExtractedClaim;
  features: ClaimFeatures;
  /** Dates of the whole sentence, and those of the statement. */
  dates: ResolvedDate[];
  statementDates: ResolvedDate[];
  quantities: Quantity[];
  facts: StatementFacts & { statement: string };
}

function readClaim(claim: ExtractedClaim, reference: string, referenceKind: 'publishedAt' | 'ingestedAt'): ReadClaim {
  const features = claimFeatures(countriesForCapitals(claim.statement));
  const dates = resolveDates(claim.text, reference, referenceKind);
  const statementDates = dates.filter((d) => claim.statement.includes(d.text));
  const quantities = findQuantities(claim.statement, statementDates);
  const facts = { negated: claim.negated, dates: statementDates, quantities, statement: claim.statement };
  return { claim, features, dates, statementDates, quantities, facts };
}

/**
 * When the article rewrites an earlier one (alignRewrite over what the matcher matched), the
 * existing claims its unmatched sentences join: each aligned sentence joins the claim of the
 * origin's mention in its place, unless it conflicts with that claim's own wording or with the
 * origin's (polarity, figures, actors: the checks of any match).
 */
function rewriteJoins(
  extracted: readonly ReadClaim[],
  matches: ReadonlyArray<{ match?: { claim: ClaimRecord }; restates: readonly string[] }>,
  claimsById: ReadonlyMap<string, ClaimRecord>,
  storyMentions: readonly MentionRecord[],
  articleId: string,
): { origin: string; joins: Map<number, { claim: ClaimRecord; similarity: number }> } | undefined {
  const matchedTo = matches.map(({ match }) => match?.claim.id);
  const originFeatures = new Map<MentionRecord, ClaimFeatures>();
  const featuresOf = (mention: MentionRecord) => {
    let features = originFeatures.get(mention);
    if (!features) originFeatures.set(mention, (features = claimFeatures(countriesForCapitals(mention.statement ?? mention.text))));
    return features;
  };
  // a sentence restates the origin's claim when it could have joined it, whichever claim it joined
  // ("Police booked him before releasing him" may join a third outlet's wording of the fact)
  const restates = matches.map((m) => m.restates);
  const alignment = alignRewrite(matchedTo, storyMentions, articleId, restates, (sentence, mention) => {
    const ours = extracted[sentence].features;
    const theirs = featuresOf(mention);
    // as the story's term index: too few shared terms to be scored at all
    if (ours.terms.filter((term) => theirs.terms.includes(term)).length < MIN_SHARED_TERMS) return 0;
    return claimSimilarity(ours, theirs);
  });
  if (!alignment) return undefined;
  const joins = new Map<number, { claim: ClaimRecord; similarity: number }>();
  for (const { sentence, mention, similarity } of alignment.aligned) {
    const claim = claimsById.get(mention.claimId);
    if (!claim) continue;
    const { features, facts } = extracted[sentence];
    const wordings = [claim, mentionWording(claim, mention, featuresOf(mention))];
    const conflicts = (wording: ClaimRecord) => (wording.negated ?? facts.negated) !== facts.negated || incompatible(features, facts, wording);
    if (wordings.some(conflicts)) continue;
    joins.set(sentence, { claim, similarity });
  }
  return { origin: alignment.origin, joins };
}

/**
 * The story claim this one restates: the most similar at or above the matcher's threshold (as
 * ClaimIndex.bestMatch), passing over a candidate of the opposite polarity (the matcher weighs
 * polarity down but does not veto it; here a claim and its denial are kept apart and linked as a
 * contradiction) or one that gives a figure where the other has none ("runs for 20 years" is not
 * "have taken years").
 */
function bestMatch(index: StoryClaimIndex<Wording>, claimsById: ReadonlyMap<string, ClaimRecord>, probes: readonly FormedFeatures[], features: ClaimFeatures, facts: StatementFacts & { statement?: string }) {
  const best = new Map<Wording, number>();
  for (const probe of probes) {
    for (const claim of index.candidates(probe.features, MIN_SHARED_TERMS)) {
      // a core against a core compares two remainders: too little is left to tell claims apart
      if (probe.form.kind === 'core' && claim.form.kind === 'core') continue;
      // nor a short statement against a core: "He was killed in the line of duty" would meet the
      // first clause of "... he killed a cop in the line of duty, along with ..."
      if ((probe.form.kind === 'core' || claim.form.kind === 'core') && Math.min(wordCount(probe.features), wordCount(claim.features)) < MIN_WORDS_AGAINST_CORE) continue;
      // a main clause is compared with main clauses only, and must state the same predicate
      if (!comparableClauses(probe.form, claim.form)) continue;
      const similarity = claimSimilarity(probe.features, claim.features);
      if (similarity >= SAME_CLAIM_THRESHOLD && similarity > (best.get(claim) ?? 0)) best.set(claim, similarity);
    }
  }
  const scored = [...best].map(([claim, similarity]) => ({ claim, similarity })).sort((a, b) => b.similarity - a.similarity);
  let contradiction: Contradiction | undefined;
  let match: { claim: ClaimRecord; similarity: number } | undefined;
  const sameAs: string[] = [];
  // every claim the statement could have joined, for finding the article a rewrite restates
  const restates: string[] = [];
  for (const candidate of scored) {
    if ((candidate.claim.negated ?? facts.negated) !== facts.negated) {
      if (!match) contradiction ??= contradictionWith(features, facts, candidate.claim)?.contradiction;
      continue;
    }
    if (incompatible(features, facts, candidate.claim)) continue;
    const claim = claimsById.get(candidate.claim.id) ?? candidate.claim;
    // matched through another wording (a later mention's, a core, a main clause): the claim's own
    // wording must not conflict either
    if (!isOwnWording(candidate.claim, claim) && ((claim.negated ?? facts.negated) !== facts.negated || incompatible(features, facts, claim))) continue;
    if (!restates.includes(claim.id)) restates.push(claim.id);
    if (!match) {
      match = { claim, similarity: candidate.similarity };
      continue;
    }
    // It restates another claim too: the two are one claim that outlets worded too differently to
    // match directly, unless one article made both, or their own wordings conflict.
    if (claim.id === match.claim.id || sameAs.includes(claim.id) || firstArticle(claim.id) === firstArticle(match.claim.id)) continue;
    if (claimsConflict(match.claim, claim)) continue;
    sameAs.push(claim.id);
  }
  return match ? { match, contradiction: undefined, sameAs, restates } : { match: undefined, contradiction, sameAs, restates };
}

/** The claim's own statement as a whole, checked above already (the index holds it as a copy with its form). */
function isOwnWording(wording: Wording, claim: ClaimRecord): boolean {
  return wording.form.kind === 'whole' && wording.text === claim.text && wording.statement === claim.statement;
}

/** The article that first made a claim, from its id (see matchArticleClaims). */
function firstArticle(claimId: string): string {
  return claimId.slice(0, claimId.lastIndexOf('-'));
}

/** Two claims' own wordings disagree on polarity, figures or actors. */
function claimsConflict(a: ClaimRecord, b: ClaimRecord): boolean {
  if ((a.negated ?? false) !== (b.negated ?? false)) return true;
  const facts = { negated: a.negated ?? false, dates: a.dates ?? [], quantities: a.quantities ?? [], statement: a.statement ?? a.text };
  return incompatible(a.features, facts, b);
}

/** Kept apart however alike the words: other figures, a figure on one side only, other actors. */
function incompatible(features: ClaimFeatures, facts: StatementFacts & { statement?: string }, other: ClaimRecord): boolean {
  if (numbersConflict(features.numbers, other.features.numbers)) return true;
  if (figureOnOneSide(facts.quantities, other.quantities ?? [], other.statement ?? other.text) || figureOnOneSide(other.quantities ?? [], facts.quantities, facts.statement ?? '')) return true;
  return differentSubjects(facts.statement ?? '', other.statement ?? other.text);
}

/**
 * The wordings of the story's claims in later mentions (other articles than `articleId`), each as a
 * claim record under its claim's id, features and facts read from the mention's statement; wordings
 * equal to the claim's own are left out.
 */
function laterWordings(claimsById: ReadonlyMap<string, ClaimRecord>, mentions: readonly MentionRecord[], articleId: string): Wording[] {
  const seen = new Set<string>();
  const out: Wording[] = [];
  for (const mention of mentions) {
    if (mention.articleId === articleId) continue;
    const claim = claimsById.get(mention.claimId);
    const statement = mention.statement ?? mention.text;
    if (!claim || statement === (claim.statement ?? claim.text)) continue;
    const key = `${claim.id}\u0000${statement}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const wording = mentionWording(claim, mention, claimFeatures(countriesForCapitals(statement)));
    out.push(wording, ...partialWordings(statement, wording.features).map((partial) => ({ ...wording, ...partial })));
  }
  return out;
}

/** A mention's wording of its claim, as a claim record under the claim's id: features (given) and facts read from the mention's statement. */
function mentionWording(claim: Pick<ClaimRecord, 'id' | 'storyId' | 'createdAt' | 'negated'>, mention: MentionRecord, features: ClaimFeatures): Wording {
  const statement = mention.statement ?? mention.text;
  const dates = (mention.dates ?? []).filter((d) => statement.includes(d.text));
  return {
    id: claim.id,
    storyId: claim.storyId,
    text: mention.text,
    features,
    createdAt: claim.createdAt,
    statement,
    negated: mention.negated ?? claim.negated,
    ...(dates.length > 0 ? { dates } : {}),
    ...(mention.quantities ? { quantities: mention.quantities } : {}),
    form: WHOLE,
  };
}

/**
 * What a wording's features were read from: the whole statement, its matching core (see
 * matchingCore) or its main clause (see mainClause, with its predicate's stem).
 */
type WordingForm = { kind: 'whole' } | { kind: 'core' } | { kind: 'clause'; predicate: string };
const WHOLE: WordingForm = { kind: 'whole' };
interface FormedFeatures {
  features: ClaimFeatures;
  form: WordingForm;
}
/** One way the story words a claim, indexed under the claim's id. */
type Wording = ClaimRecord & { form: WordingForm };

/**
 * A statement's matching core and main clause, where they differ from it: further wordings outlets
 * use for the same assertion. Both carry the whole statement's figures and dates (the parts left
 * out still tell claims apart).
 */
function partialWordings(statement: string, full: ClaimFeatures): readonly FormedFeatures[] {
  const key = `${statement}\u0000${full.numbers.join('\u0000')}`;
  let wordings = recentPartialWordings.get(key);
  if (wordings === undefined) {
    wordings = derivePartialWordings(statement, full);
    if (recentPartialWordings.size >= RECENT_STATEMENTS) recentPartialWordings.clear();
    recentPartialWordings.set(key, wordings);
  }
  return wordings;
}

/**
 * Every ingest re-derives the wordings of all its story's claims and later mentions: the same
 * statements, article after article. Kept while they recur (bounded, like tokenize's), which also
 * lets claimSimilarity reuse what it derives per features object. Callers copy, never mutate.
 */
const recentPartialWordings = new Map<string, readonly FormedFeatures[]>();
const RECENT_STATEMENTS = 4096;

function derivePartialWordings(statement: string, full: ClaimFeatures): FormedFeatures[] {
  const out: FormedFeatures[] = [];
  const core = matchingCore(statement);
  if (core) out.push({ features: { ...claimFeatures(countriesForCapitals(core)), numbers: full.numbers }, form: { kind: 'core' } });
  const clause = mainClause(statement);
  if (clause) out.push({ features: { ...claimFeatures(clause.text), numbers: full.numbers }, form: { kind: 'clause', predicate: clause.predicate } });
  return out;
}

/** Main clauses meet main clauses only, and only when they state the same predicate: one stem, or WordNet synonyms ("signed" / "signed", "praised" / "hailed"). */
function comparableClauses(a: WordingForm, b: WordingForm): boolean {
  if (a.kind !== 'clause' || b.kind !== 'clause') return a.kind !== 'clause' && b.kind !== 'clause';
  return related(a.predicate, b.predicate);
}

/** Postmodifiers that state a purpose or manner, not the assertion ("a treaty aimed at bolstering ..."). */
const PURPOSE_TAIL = /\s+(?:(?:aimed|designed|intended|meant)\s+(?:at|to)\b|(?:after|before|while)\s+\p{Ll}+ing\b|[—–]\s)/u;

/**
 * A statement's main clause: who did what, without a dateline, a leading adverbial, an appositive
 * after the subject ("Iran and Russia, two of the most-sanctioned nations in the world, have
 * signed"), or what follows the assertion (a trailing elaboration, an "as"-clause, a purpose);
 * leaders named with their country's adjective stand for the country ("Russian President Vladimir
 * Putin" -> "Russia"). Outlets differ most in these parts around one assertion; two main clauses
 * are compared only with each other, and only when their predicates agree, so that the shorter
 * wording cannot join claims that merely share their actors ("the timing of the deal has raised
 * eyebrows" / "the treaty was signed"). A statement with nothing to leave out is its own main
 * clause. Undefined when too little (or too much) remains or no predicate is found.
 */
export function mainClause(statement: string): { text: string; predicate: string } | undefined {
  let text = countriesForLeaders(countriesForCapitals(withoutDateline(statement))).replace(LEADING_ADVERBIAL, '');
  const described = DESCRIBED_AS.exec(text);
  if (described) text = `${described[1]} is ${text.slice(described.index + described[0].length)}`;
  text = withoutAppositive(text);
  const cut = [TRAILING_ELABORATION.exec(text)?.index, PURPOSE_TAIL.exec(text)?.index, asClause(text)].filter((i): i is number => i !== undefined && i >= 15);
  if (cut.length > 0) text = text.slice(0, Math.min(...cut));
  // what a cut leaves dangling ("constructive in nature and is [aimed at ...]")
  text = text.replace(/[\s,.;:]+$/u, '').replace(/\s+(?:and|or|but)(?:\s+(?:is|are|was|were|has|have|had))?$/iu, '').trim();
  const words = text.split(/\s+/);
  if (words.length < 4 || words.length > 25) return undefined;
  const predicate = predicateOf(words);
  return predicate ? { text, predicate } : undefined;
}

/** "X, <a phrase without a verb>, <verb> ..." -> "X <verb> ...". */
function withoutAppositive(text: string): string {
  const m = /^([^,]{3,60}?),\s+([^,]{3,90}),\s+(\S+)/u.exec(text);
  if (!m) return text;
  const inner = m[2].split(/\s+/).map((w) => w.toLowerCase());
  // a phrase without a verb, or a prepositional one ("on his first visit since he won ...")
  if (inner.some((w) => isVerbLike(w)) && !/^(?:on|in|at|during|after|before|despite|amid)$/.test(inner[0])) return text;
  if (!isVerbLike(m[3].toLowerCase())) return text;
  return `${m[1]} ${text.slice(m[0].length - m[3].length)}`;
}

const FUNCTION_WORDS = new Set('of in on at by to for from with and or the a an as than into over under about after before since'.split(' '));

/** Where an "as"-clause with its own subject and verb begins ("... as Moscow and Tehran deepen cooperation"). */
function asClause(text: string): number | undefined {
  const re = /\s+as\s+((?:\p{Lu}[\p{L}'’-]+(?:\s+and\s+\p{Lu}[\p{L}'’-]+)?|(?:their|its|his|her|the)\s+\p{Ll}+))\s+(\p{Ll}+)/gu;
  for (const m of text.matchAll(re)) {
    // after named subjects, a plural verb in its base form ("as Moscow and Tehran deepen") counts too
    if (isVerbLike(m[2], true) || (/^\p{Lu}/u.test(m[1]) && !FUNCTION_WORDS.has(m[2]))) return m.index;
  }
  return undefined;
}

/**
 * Stem of the main verb: the first verb-like word, past an auxiliary to the participle it carries
 * ("have signed" -> sign); after a copula, the word it links ("is constructive" -> constructive,
 * "is the start of" -> start).
 */
function predicateOf(words: readonly string[]): string | undefined {
  return predicateFrom(words, false) ?? predicateFrom(words, true);
}

/** As predicateOf, taking present-tense "-s" forms ("follows") as verbs when `present`. */
function predicateFrom(words: readonly string[], present: boolean): string | undefined {
  for (let i = 1; i < words.length; i += 1) {
    const w = words[i].replace(/[^A-Za-z'-]/g, '');
    if (!isVerbLike(w, present)) continue;
    let j = i;
    while (j + 1 < words.length && AUX.has(words[j].toLowerCase().replace(/[^a-z'-]/g, ''))) j += 1;
    while (j + 1 < words.length && /^(?:not|also|already|just|reportedly|further|then|the|an?|its|their|his|her)$/i.test(words[j])) j += 1;
    const stem = claimFeatures(words[j]).seq?.[0];
    return stem && !AUX.has(words[j].toLowerCase()) ? stem : undefined;
  }
  return undefined;
}

/** A trailing elaboration after a comma: a participle, a concession, an appended comment or relative clause. */
const TRAILING_ELABORATION = /,\s+(?:(?:\w+ly|further|thereby|also)\s+)?(?:[a-z]+ing\b|(?:though|although|while|whereas)\b|as\s+(?!well\b|much\b|many\b)|a\s+move\b|known\s+(?:for|as)\b|which\b|who\b)/;
/** Someone describing something as something ("X described the treaty as constructive"). */
const DESCRIBED_AS = /\b(?:described|describes|describing|called|calls|calling|characteri[sz]ed|termed)\s+((?:the|this|that|their|its|his|her)\s+[^,"]{2,60}?)\s+as\s+(?:an?\s+)?/i;
/** A leading adverbial before the comma that ends it ("Despite such controversies, ", "At a news conference on Friday, "). */
const LEADING_ADVERBIAL = /^(?:despite|notably|unlike|since|at|during|in|on|after|before|last|earlier|meanwhile|however|also)\b[^,]{0,90},\s+/i;

/**
 * The core of a statement for matching: without a leading adverbial phrase or a trailing
 * elaboration ("..., further cementing its position", "..., though details remain undisclosed"),
 * which outlets add or leave out around the same assertion. Undefined when nothing is left out or
 * too little would remain.
 */
export function matchingCore(statement: string): string | undefined {
  let core = statement.replace(LEADING_ADVERBIAL, '');
  // "Lavrov described the treaty as constructive" asserts "the treaty is constructive"
  const described = DESCRIBED_AS.exec(core);
  if (described) core = `${described[1]} is ${core.slice(described.index + described[0].length)}`;
  const tail = TRAILING_ELABORATION.exec(core);
  if (tail && tail.index >= 20) core = core.slice(0, tail.index);
  else core = core.slice(0, firstClauseEnd(core));
  core = core.trim();
  if (core === statement.trim() || core.split(/\s+/).length < 5) return undefined;
  return core;
}

/**
 * Where the first clause of a statement ends when another phrase is appended to it after a comma or
 * a dash ("The Consumer Price Index has risen 4.2 percent from a year ago, notably higher than the
 * estimated 3.6 percent", "... doubles the risk of hospitalisation, but two doses still protect"):
 * another outlet may report the first clause alone. Only a clause with a verb, of at least
 * MIN_FIRST_CLAUSE_WORDS words, not opened by a subordinator, and not the comma of a list ("A, B and
 * C"); the statement's end otherwise.
 */
function firstClauseEnd(statement: string): number {
  // "While marijuana remains illegal under federal law, officials have ...": a clause that opens
  // with a subordinator is not the statement's assertion
  if (SUBORDINATE_OPENING.test(statement)) return statement.length;
  const boundary = /(?:,|\s[—–])\s+(?=(\p{Ll}+))/u.exec(statement);
  if (!boundary || /^(?:and|or|nor)$/.test(boundary[1])) return statement.length;
  const clause = statement.slice(0, boundary.index);
  const words = clause.split(/\s+/);
  if (words.length < MIN_FIRST_CLAUSE_WORDS || !words.some((word) => isVerbLike(word.toLowerCase().replace(/[^a-z'-]/g, ''), true))) return statement.length;
  return boundary.index;
}
/** The words of a wording (its stem sequence; its terms for a record stored without one). */
function wordCount(features: ClaimFeatures): number {
  return features.seq?.length ?? features.terms.length;
}
const SUBORDINATE_OPENING = /^(?:while|whereas|although|though|as|if|when|whenever|because|since|after|before|unless|until|once|whether|despite|even)\b/i;
/**
 * The fewest words a first clause keeps: a short one is too little to tell claims apart ("We will
 * bring back our jobs" would meet "We will bring back our borders").
 */
const MIN_FIRST_CLAUSE_WORDS = 8;
/**
 * The fewest words of a statement compared with a core (see bestMatch): "Zawahri was shot by police"
 * is too little to tell which clause of a longer report it restates, while a rewrite's "Police
 * booked him before releasing him" still meets the first clause of the sentence it rewrites.
 */
const MIN_WORDS_AGAINST_CORE = 6;

/** `ours` states an exact figure in a unit that `theirs` names without any figure. */
function figureOnOneSide(ours: readonly Quantity[], theirs: readonly Quantity[], theirText: string): boolean {
  return ours.some((q) => q.unit && !q.approximate && /\d/.test(q.text) && !theirs.some((t) => t.unit === q.unit) && new RegExp(`\\b${q.unit}s?\\b`, 'i').test(theirText));
}

/**
 * Both claims name who acts, and neither names the other's actor anywhere ("Russia was part of the
 * 2015 deal" against "Trump withdrew from the deal"): not the same claim, however alike the rest.
 */
function differentSubjects(a: string, b: string): boolean {
  // a leader and the country that the sentence itself ties him to count as one actor
  const subjectA = [...subjectEntities(a), ...subjectEntities(countriesForLeaders(a))];
  const subjectB = [...subjectEntities(b), ...subjectEntities(countriesForLeaders(b))];
  if (subjectA.length === 0 || subjectB.length === 0) return false;
  const keysA = [...findEntities(countriesForCapitals(a)), ...findEntities(countriesForLeaders(countriesForCapitals(a)))].map((e) => e.key);
  const keysB = [...findEntities(countriesForCapitals(b)), ...findEntities(countriesForLeaders(countriesForCapitals(b)))].map((e) => e.key);
  const named = (keys: readonly string[], inText: readonly string[]) => keys.some((k) => inText.some((t) => sameEntity(k, t)));
  return !named(subjectA, keysB) && !named(subjectB, keysA);
}

/** Keys of the names before a statement's first verb. */
function subjectEntities(statement: string): string[] {
  const text = countriesForCapitals(statement);
  for (const m of text.matchAll(/[\p{L}'-]+/gu)) {
    if (isVerbLike(m[0])) return findEntities(text.slice(0, m.index)).map((e) => e.key);
  }
  return [];
}
