/**
 * What an interviewer hears as a result metric, shared by the evidence rules: a quantity, its
 * baseline, its time span, and whether its units mean anything to a customer or the business.
 * What interviewers grade (docs/interviews.md): "A baseline, a magnitude and a time span: support tickets fell from 900 to 310 a week
 * within a month", and an engineering number tied to what it meant for customers or the business.
 *
 * Every pattern here works on one sentence at a time and stays linear: alternatives are fixed
 * words, repetitions are bounded or over disjoint character classes, and a digit run may only
 * start where no number continues (a lookbehind), so no scan restarts inside "1,1,1,…".
 */
import type { Section, Span, Story } from '../../types';
import { hasNumber, memoize, NUMBER, proseSentences, rel } from '../../text';
import { CARDINALS } from '../../language/lexicon';

// The number words are the language layer's (words.json), so the layer and these patterns agree.
export const NUMBER_WORD =
  `(?:${CARDINALS.join('|')}|a hundred|a thousand|a million|a billion|hundreds|thousands|millions|billions|a dozen|dozens|none)` +
  `(?:[- ](?:${CARDINALS.slice(1, 10).join('|')}|hundred|thousand|million|billion))?`;
/** "1,200", "3.5", "$61K", "2M", "40%", "3.1x", "€40k" — not the "99" of "p99" nor the "3" of "Q3". */
export const DIGITS = '(?:[$€£¥]\\s?)?(?<![\\p{L}\\d.,])\\d[\\d,]*(?:\\.\\d+)?(?:[kKmMbB]n?\\b|bn\\b)?(?:\\s?%|\\s?percent\\b|x\\b)?';
export const QUANTITY = `(?:${DIGITS}|\\b${NUMBER_WORD}\\b)`;
/** Words that soften a number without changing what it measures. */
export const APPROX =
  '(?:(?:about|around|roughly|nearly|almost|approximately|only|just|some|over|under|below|above|less than|more than|fewer than|at least|at most|well under|well over|a little over|just over|just under)\\s+)?';
/** Spans a result is measured over; seconds and minutes are what a latency is measured in, not a time span. */
export const SPAN_UNIT =
  '(?:hours?|days?|nights?|mornings?|afternoons?|evenings?|weeks?|weekends?|fortnights?|months?|quarters?|years?|sprints?|releases?|cycles?|shifts?|seasons?|surveys?)';
/** A rate's time basis: "a week", "per month", "each night", "/week" ("per second" is a unit, as in QPS). */
export const RATE = `(?:\\b(?:a|an|per|each|every)\\s+${SPAN_UNIT}\\b|/\\s?(?:h|hr|hour|day|wk|week|mo|month|yr|year)\\b)`;
/** The word after a number that says what it counts ("users", "ms"), unless it starts the next phrase. */
export const UNIT_WORD =
  '(?:\\s+(?!(?:and|or|but|in|within|by|over|after|for|from|to|at|of|on|the|a|an|per|each|every|with|which|while|than|as|so|when|because|since|during|across|until|before|this|that|its|their|our|my)\\b)\\p{L}[\\p{L}-]*)?';
/** A quantity as it is said: "310 a week", "80 ms", "2M users", "$24K". */
export const QUANTITY_PHRASE = `${QUANTITY}${UNIT_WORD}(?:\\s+${RATE})?`;

export const CHANGE_VERB =
  '(?:fell|falls?|fallen|falling|dropped|drops?|dropping|declined|declines?|declining|rose|rises?|risen|rising|grew|grows?|grown|growing|cut|cuts|cutting|' +
  'reduced|reduces?|reducing|decreased|decreases?|decreasing|increased|increases?|increasing|improved|improves?|improving|lowered|lowers?|lowering|' +
  'raised|raises?|raising|boosted|boosts?|boosting|climbed|climbs?|climbing|jumped|jumps?|jumping|shrank|shrunk|shrinks?|shrinking|slashed|slash(?:es)?|' +
  'trimmed|trims?|sped|speeds?|brought|brings?|bringing|went|goes|gone|dipped|spiked|plunged|plummeted|soared|tumbled|surged|doubled|tripled|halved|' +
  'quadrupled|accelerated|shortened|lengthened|expanded|recovered|gained)';
export const CHANGE_BEFORE = new RegExp(`\\b${CHANGE_VERB}\\b`, 'iu');
export const PERCENT = '\\d[\\d,]*(?:\\.\\d+)?\\s?(?:%|percent\\b)';

/** "cut to 80 ms", "grew to 2M users": where the number ended, once a change verb came earlier in the sentence. */
export const TO_VALUE = new RegExp(`\\b(?:down |up )?to\\s+${APPROX}${QUANTITY_PHRASE}`, 'giu');
/** "latency is now 80 ms", "pages now load in 2 seconds", "reached 2M users", "settled at 1%". */
export const END_VALUE_SOURCE = [
  `\\bnow\\s+(?:[\\p{L}'-]+\\s+){0,4}?${APPROX}${QUANTITY_PHRASE}`,
  `\\b(?:reached|reaches|reaching|hit|hits|hitting|topped|crossed|surpassed|exceeded|(?:peaked|settled|landed|stands|stood|ended|finished|closed|levelled|leveled) at)\\s+${APPROX}${QUANTITY_PHRASE}`,
].join('|');
export const END_VALUE = new RegExp(END_VALUE_SOURCE, 'giu');

/** A change stated relative to where it started ("by 40%", "halved", "3x", "40% fewer") carries its own baseline. */
export const RELATIVE_SOURCE = [
  `\\bby\\s+${APPROX}(?:${PERCENT}|\\d[\\d,]*(?:\\.\\d+)?\\s?(?:x|times)\\b|${NUMBER_WORD}\\s+(?:percent|times)\\b|half|a half|a third|a quarter|a fifth|a tenth|two[- ]thirds|three[- ]quarters|an order of magnitude)`,
  `\\b${CHANGE_VERB}\\s+${APPROX}${PERCENT}`,
  `\\b(?:up|down)\\s+${APPROX}${PERCENT}`,
  `(?:\\d|\\b${NUMBER_WORD})\\s?(?:%|percent\\b)\\s+(?:fewer|less|more|lower|higher|faster|slower|cheaper|smaller|larger|bigger|shorter|longer|better|worse|reduction|increase|decrease|drop|rise|improvement|gain|growth|cut|jump|boost|uplift|lift|savings?)\\b`,
  '\\b\\d+(?:\\.\\d+)?\\s?x\\b',
  `\\b(?:\\d+|${NUMBER_WORD})\\s+times\\s+(?:as|more|less|fewer|faster|slower|cheaper|higher|lower|smaller|larger|bigger|better|the)\\b`,
  '\\b(?:two|three|four|five|ten|twenty|hundred|thousand|\\d+)-?fold\\b',
  '\\b(?:twice|thrice|halved|halving|doubled|doubling|tripled|tripling|quadrupled|in half|half as|double the|triple the)\\b',
  '\\b(?:to|by)\\s+(?:a third|a quarter|a fifth|a tenth|two[- ]thirds|three[- ]quarters|half)\\b',
].join('|');
export const RELATIVE = new RegExp(RELATIVE_SOURCE, 'iu');
/** Where the number started: "from 900", "down from three", "was 400 ms", "compared with last year". */
export const STARTING_POINT = new RegExp(
  [
    `\\b(?:from|was|were|had been|used to be|instead of)\\s+${APPROX}${QUANTITY}`,
    '\\b(?:previously|formerly|originally|baseline|compared (?:with|to)|relative to|versus|vs\\.?)(?=\\s|$)',
    '\\bthan (?:before|ever|planned|expected|forecast|budgeted|last|the (?:previous|prior|old|original|baseline|year|quarter|month|week)|a (?:year|quarter|month|week) (?:ago|earlier|before))\\b',
    '\\bthe (?:year|quarter|month|week|day|release|version) (?:before|earlier)\\b',
  ].join('|'),
  'iu',
);

export const COUNTED = `(?:(?:the|a|an|its|their|our|that|this|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|(?<![\\d,.])\\d[\\d,.]*|few|several|couple|of|first|next|following|past|last|same|single|whole|entire|full|subsequent|initial|busiest)\\s+){0,3}`;
/** A time span, a date, or a rate's time basis ("a week" is a time basis too). */
export const TIME_SPAN = new RegExp(
  [
    `\\b(?:within|in|over|after|across|inside|for|throughout|through)\\s+${COUNTED}${SPAN_UNIT}\\b`,
    RATE,
    `\\b${COUNTED}${SPAN_UNIT}\\s+(?:later|after|on|in|into|ago|early|earlier|ahead|before|out|running)\\b`,
    `\\b(?:this|that|last|next|previous|prior|following|same)\\s+${SPAN_UNIT}\\b`,
    '\\b(?:during|throughout|hourly|daily|nightly|weekly|biweekly|monthly|quarterly|yearly|annual|annually|annualized|overnight|immediately|year[- ]over[- ]year|month[- ]over[- ]month|week[- ]over[- ]week|quarter[- ]over[- ]quarter|yoy|mom|qoq|wow|year[- ]to[- ]date|ytd|to date|so far)\\b',
    '\\bsince (?:then|launch|release|rollout|go-live|the (?:launch|release|rollout|change|fix|migration|rewrite|switch))\\b',
    '\\b(?:by|at|before|until|till) the (?:end|start|close) of\\b',
    '\\b(?:by|before|until|till|through|in|since|after|as of) (?:the )?(?:launch|year[- ]end|quarter[- ]end|month[- ]end|deadline|holidays?|freeze|cutover|cut-over|go-live)\\b',
    '\\b(?:Q[1-4]|H[12]|FY ?\\d{2,4})\\b',
    '\\b(?:(?:first|second|third|launch|opening) (?:day|week|month|quarter|year)|day (?:one|1))\\b',
    '\\b(?:in|by|since|during|of|through|until|before|after|across|throughout|early|mid|late)[ -](?:19|20)\\d{2}\\b',
  ].join('|'),
  'iu',
);
/**
 * Dates by name are only dates when capitalized ("in March", not "march on"; "by Friday"); "May" only
 * after a preposition.
 */
export const MONTH =
  /\b(?:January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Thanksgiving|Prime Day)\b|\b(?:in|by|since|until|through|during|of|early|mid|late) May\b/;

/**
 * Units an engineer measures; on their own they leave the interviewer asking "so what for
 * the customer?". Matched as whole words, case-insensitively.
 */
export const ENGINEERING = new RegExp(
  '\\b(?:latency|latencies|p\\d{2,3}(?:\\.\\d)?|ms|milliseconds?|qps|rps|tps|throughput|requests? per second|response times?|load times?|page loads?|' +
    'build times?|builds?|deploys?|deployments?|deploy times?|test coverage|code coverage|coverage|unit tests?|tests?|flaky|accuracy|precision|recall|f1|auc|' +
    'bugs?|defects?|regressions?|uptime|availability|downtime|outages?|incidents?|error rates?|errors?|exceptions?|crash(?:es)?|crash rates?|timeouts?|failures?|' +
    'cpu|memory|ram|heap|disk|bandwidth|gb|mb|tb|cache hits?|hit rates?|queries|query times?|lines of code|loc|mttr|mttd|slos?|slas?|nines|alerts?|pages|' +
    'on-call|tech debt|pull requests?|prs|review rounds?|time to merge|cold starts?)\\b',
  'iu',
);
/** What the number meant to a customer or the business: people served, money, support load, time saved. */
export const BUSINESS = new RegExp(
  '[$€£¥]|\\b(?:customers?|users?|clients?|members?|subscribers?|buyers?|shoppers?|sellers?|merchants?|patients?|guests?|riders?|advertisers?|visitors?|' +
    'conversions?|converting|churn(?:ed)?|retention|retained|revenue|sales|profits?|margins?|costs?|spend|spending|savings?|saved|saving|budgets?|bills?|' +
    'invoices?|dollars?|euros?|tickets?|complaints?|support (?:calls|contacts|requests)|phone calls|escalations?|refunds?|nps|csat|satisfaction|' +
    'sign-?ups?|signups|registrations?|orders?|purchases?|bookings?|renewals?|subscriptions?|cancellations?|engagement|adoption|dau|mau|gmv|arr|mrr|' +
    'deals?|contracts?|hires?|hiring|headcount|roles|promotions?|promoted|attrition|onboarding|abandon(?:ment|ed)?|carts?|time to market|market share|' +
    'hours (?:saved|a week|per week|a month|per month|a year|per year)|person-(?:days|weeks|months)|engineer(?:ing)? hours|toil|productivity|' +
    // The business's own people: time given back to finance or an auditor, a colleague's on-call nights.
    'finance|accounting|audits?|auditors?|regulators?|colleagues?|teammates?|mentees?|direct reports|manual work|hours of (?:manual )?work|' +
    '(?:night|weekend|after-hours|out-of-hours) (?:pages|calls|shifts|work)|on-call (?:load|burden|hours|shifts?))\\b',
  'iu',
);

/** A change said aloud: a change verb, "from … to", or a count of extra or fewer things ("4,000 more orders"). */
export const CHANGE = new RegExp(
  `\\b${CHANGE_VERB}\\b|\\bfrom\\s+${APPROX}${QUANTITY}.{0,40}?\\bto\\b|${QUANTITY}\\s+(?:more|fewer|less|extra|additional)\\b`,
  'iu',
);

/** Metric phrases to underline, most telling first: "from 900 to 310 a week", "by 40%", (an end value,) "doubled", "80 ms". */
export const METRIC_PHRASES = [
  new RegExp(`\\b(?:down |up )?from\\s+${APPROX}${QUANTITY}${UNIT_WORD}(?:\\s+${RATE})?\\s+to\\s+${APPROX}${QUANTITY_PHRASE}`, 'iu'),
  new RegExp(`\\bby\\s+${APPROX}${QUANTITY_PHRASE}`, 'iu'),
  new RegExp(
    `\\b(?:doubled|tripled|quadrupled|halved|(?:two|three|four|five|ten|twenty|hundred|thousand|\\d+)-?fold|twice|thrice|in half)\\b|\\b\\d+(?:\\.\\d+)?\\s?x\\b`,
    'iu',
  ),
  new RegExp(QUANTITY_PHRASE, 'iu'),
];

export interface ProseSentence extends Span {
  /** The sentence's prose (code, comments and markup already blanked). */
  text: string;
}

/** The sentences of a section, with absolute offsets. */
export function sectionSentences(story: Story, section: Section): readonly ProseSentence[] {
  return memoize(story, `sectionSentences:${section.body.start}:${section.body.end}`, () =>
    proseSentences(story, rel(story, section.body)).map((s) => ({
      start: s.start + story.start,
      end: s.end + story.start,
      text: story.prose.slice(s.start, s.end),
    })),
  );
}

/** The sentence states a change in a number ("fell from 900 to 310", "cut it by 40%", "reached 2M"). */
export function statesChange(sentence: string): boolean {
  if (!hasNumber(sentence)) return false;
  return CHANGE.test(sentence) || RELATIVE.test(sentence) || endValues(sentence).length > 0;
}

/** Where the number started: "from 900", "was 400 ms", "compared with last year". */
export function hasStartingPoint(sentence: string): boolean {
  return STARTING_POINT.test(sentence);
}

export const RELATIVE_ALL = new RegExp(RELATIVE_SOURCE, 'giu');
export const QUANTITY_ALL = new RegExp(QUANTITY, 'giu');
export const TIME_SPAN_ALL = new RegExp(TIME_SPAN.source, 'giu');
export const YEAR = /^(?:19|20)\d{2}$/;

/** Changes stated relative to an unstated start: "by 40%", "dropped 65%", "40% fewer", "doubled", "3x". Offsets relative to the sentence. */
export function relativeChanges(sentence: string): Span[] {
  return [...sentence.matchAll(RELATIVE_ALL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * A quantity that gives a change its scale ("to 540 a week", "$30K a month", "120 hours"): a
 * number outside the relative changes given, outside time spans ("within two weeks") and not a year.
 */
export function hasAbsoluteQuantity(sentence: string, relative: Span[]): boolean {
  const skip = [...relative, ...[...sentence.matchAll(TIME_SPAN_ALL)].map((m) => ({ start: m.index, end: m.index + m[0].length }))];
  for (const m of sentence.matchAll(QUANTITY_ALL)) {
    if (m[0].length === 0 || YEAR.test(m[0])) continue;
    const end = m.index + m[0].length;
    if (!skip.some((s) => s.start <= m.index && end <= s.end)) return true;
  }
  return false;
}

export function hasTimeSpan(sentence: string): boolean {
  return TIME_SPAN.test(sentence) || MONTH.test(sentence);
}

/**
 * End values: "to 310 a week" after a change verb, "now 80 ms", "reached 2M users".
 * Offsets are relative to the sentence.
 */
export function endValues(sentence: string): Span[] {
  const found: Span[] = [];
  for (const m of sentence.matchAll(TO_VALUE)) {
    if (NUMBER.test(m[0]) && CHANGE_BEFORE.test(sentence.slice(0, m.index))) found.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of sentence.matchAll(END_VALUE)) {
    const overlaps = found.some((f) => f.start < m.index + m[0].length && m.index < f.end);
    if (NUMBER.test(m[0]) && !overlaps) found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The metric phrase to underline in the sentence, relative to it; undefined when it has none. */
export function metricPhrase(sentence: string): Span | undefined {
  for (const [i, re] of METRIC_PHRASES.entries()) {
    if (i === 2) {
      const [end] = endValues(sentence);
      if (end) return end;
    }
    const m = re.exec(sentence);
    if (m && NUMBER.test(m[0])) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** The first engineering unit in the text ("latency", "p99", "ms"), relative to it. */
export function engineeringTerm(text: string): Span | undefined {
  const m = ENGINEERING.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

export function hasBusinessTerm(text: string): boolean {
  return BUSINESS.test(text);
}

/**
 * What a model is scored on offline: these say the model got better, not that anyone noticed.
 * "loss" only as a model's ("log loss", "validation loss"), since "fraud losses" is the business.
 */
export const MODEL_METRIC = new RegExp(
  '\\b(?:auc|roc[- ]auc|pr[- ]auc|auroc|accuracy|precision|recall|f1(?:[- ]score)?|f-score|(?:log|validation|training|test|cross[- ]entropy) loss|' +
    'rmse|mae|mape|mse|r2|r-squared|ndcg(?:@\\d+)?|map@\\d+|mrr@\\d+|precision@\\d+|recall@\\d+|top-\\d+ accuracy|perplexity|bleu|rouge|wer|word error rate|' +
    'calibration error|brier score|gini|ks statistic|offline metrics?)\\b',
  'iu',
);

/** The rule that owns model metrics in a Result when the profile turns it on (`ml`); `engineering-only-result` leaves those sentences to it. */
export const MODEL_METRIC_RULE = 'model-metric-result';

/** The first model metric in the text ("AUC", "F1", "log loss"), relative to it. */
export function modelMetricTerm(text: string): Span | undefined {
  const m = MODEL_METRIC.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}
