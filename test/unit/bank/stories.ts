/** Realistic stories shared by the bank tests. All companies, people and numbers are invented. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

/** examples/checkout-latency.star.md: Customer Obsession, Dive Deep. */
export const CHECKOUT = readFileSync(join(EXAMPLES, 'checkout-latency.star.md'), 'utf8');

/** The checkout story copied into another file and lightly edited: new title, a few words changed, one sentence dropped. */
export const CHECKOUT_COPY = CHECKOUT.replace('# Checkout latency regression', '# Payment page slowdown')
  .replace('an online furniture retailer', 'an online home-goods store')
  .replace('five weeks away', 'six weeks away')
  .replace('I walked the support lead through the new panel so her team could link tickets to it.', '')
  .replace('I had two options.', 'There were two ways to go.');

/** The same project retold in new words, with the same numbers: the same arc, which a Bar Raiser notices. */
export const CHECKOUT_RETOLD = `# Slow payments for distant shoppers
Principles: Customer Obsession, Dive Deep

## Situation
Support tickets about a spinning payment page had tripled in a month at the furniture store where I worked, yet every dashboard looked green.

## Task
Nobody owned it, so I took on finding the cause before the holiday sale.

## Action
I ignored the median chart and computed the 99th percentile from raw request logs. Mobile shoppers in Canada and Australia were waiting 4.2 seconds at payment, against 1.1 seconds a quarter earlier. Tracing slow requests showed the tax service being called once per cart item, because a refactor had moved the call into a loop and its cache expired after 30 seconds. Rather than lengthen the cache and risk wrong tax amounts, I chose to batch the lookup into one call per cart, shipped it behind a flag to 5% of traffic, and added an alert on the payment step.

## Result
Latency for the slowest 1% fell from 4.2 seconds to 0.9 seconds in two weeks, mobile abandonment went from 11.8% to 9.1%, worth about $140K a month, and slow-payment tickets fell from 60 a week to 8.

## Reflection
I no longer trust medians for pages customers wait on.
`;

/** A different true story that targets the same principles as the checkout story. */
export const SEARCH_ACCENTS = `# Search that could not find accented names
Principles: Customer Obsession, Dive Deep

## Situation
At a ticketing marketplace, sellers in Quebec wrote in that buyers could not find their events, while our search success metric sat at 97%.

## Task
I owned search relevance that half, and I set out to learn why these sellers' events were invisible before the summer festival season.

## Action
I read forty of the sellers' emails, then replayed their buyers' queries against a copy of the index. Queries typed without accents, such as "Levis" for "Lévis", returned nothing, because the tokenizer kept diacritics and our analytics counted an empty result page as a success when the buyer clicked a suggested category. I rebuilt the success metric to count zero-result queries as failures, which dropped it to 91% and showed the gap was national, not regional. I weighed a synonym list against folding accents in the analyzer; I decided on folding, since a list would never keep up with new venues, and I reindexed over a weekend with the old index kept warm for rollback.

## Result
Zero-result searches in French-speaking regions fell from 14% to 2% within three weeks, and ticket sales for Quebec sellers rose 18% over the festival season compared with the year before.

## Reflection
I now check what a success metric counts before I trust it, and I read a sample of raw customer emails every sprint.
`;
