/** Stories and résumés for the inconsistent-facts tests and the bank fixture. All companies, people and numbers are invented. */

/** The billing migration told for Ownership: 12 engineers, p99 latency from 900 ms to 200 ms, "I led". */
export const BILLING = `# Migrating billing to Stripe
Principles: Ownership, Deliver Results

## Situation
Our billing service ran on Ledger, a homegrown database, and checkout called it on every order. Finance wanted Stripe before the tax-year close.

## Task
I led a team of 12 engineers on the move from Ledger to Stripe, and I owned the cutover date.

## Action
I designed the cutover plan with the Ledger owners, wrote the dual-write shim myself, and replayed a week of orders through both systems before we switched.

## Result
We retired Ledger two weeks early, and p99 latency at checkout dropped from 900 ms to 200 ms.
`;

/** The same project told for Have Backbone, with the same numbers: consistent. */
export const CUTOVER_CONSISTENT = `# Pushing back on the Stripe cutover date
Principles: Have Backbone; Disagree and Commit

## Situation
Finance wanted the Stripe cutover before quarter close, but the Ledger dual-write shim still dropped refunds in replay. My team of 12 engineers had signed up for the date.

## Task
I had to decide whether to hold the date or ask for more time.

## Action
I showed our VP the dropped refunds from the replay and proposed a two-week delay, with a daily report until the shim was clean.

## Result
The cutover shipped two weeks later with no lost refunds, and p99 latency fell from 900 ms to 200 ms.
`;

/** The same project with a smaller team and a worse latency: what a Bar Raiser hears as invented. */
export const CUTOVER_DIFFERENT = CUTOVER_CONSISTENT.replace('My team of 12 engineers', 'My team of 8 engineers').replace(
  'from 900 ms to 200 ms',
  'from 900 ms to 350 ms',
);

/** Another project that also mentions Stripe, with other numbers: a shared word is not a shared project. */
export const SEARCH_INDEXER = `# Rebuilding the product search indexer
Principles: Dive Deep

## Situation
Search results at our store lagged the catalog by hours, because the indexer rebuilt everything nightly. Merchants paid through Stripe, but that was not the problem.

## Task
I owned the indexer and a team of 5 engineers.

## Action
I replaced the nightly rebuild with change events from the catalog and added a lag alert for Elasticsearch.

## Result
Index lag fell from 6 hours to 40 seconds, and p99 latency of search dropped from 900 ms to 350 ms.
`;

/** A résumé whose billing line agrees with BILLING. */
export const RESUME_CONSISTENT = `# Dana Reyes

## Acme Retail, Senior Engineer (2021 to 2024)
- Led the billing migration from Ledger to Stripe with a team of 12 engineers, cutting p99 latency from 900 ms to 200 ms.
- Built the product search indexer on Elasticsearch.
`;

/** A résumé whose billing line says "Collaborated on" and other numbers. */
export const RESUME_DIFFERENT = `# Dana Reyes

## Acme Retail, Senior Engineer (2021 to 2024)
- Collaborated on the billing migration from Ledger to Stripe, cutting p99 latency from 900 ms to 250 ms.
- Built the product search indexer on Elasticsearch.
`;
