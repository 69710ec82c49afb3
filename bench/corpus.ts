/**
 * Deterministic benchmark corpora: the same seed always gives the same text, so runs on
 * different days and machines measure the same work. Stories mix strong and weak sentences
 * so every rule has something to look at (weak verbs, "we", hypotheticals, vague results,
 * hedges, acronyms, long sentences) next to sentences that must stay quiet.
 */
import { amazonPrinciples } from '../server/src/engine/principles/amazon';

/** mulberry32: tiny, fast, good enough to pick fragments. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITUATION = [
  'Our checkout service timed out for one in twenty mobile customers during the holiday peak.',
  'We were asked to help with the migration of the billing database to a new cluster.',
  'The nightly pipeline that feeds the pricing team failed three times a week and nobody owned it.',
  'The onboarding checklist for new engineers had grown to 140 steps across five wikis.',
  'Support tickets about late refunds had doubled in a quarter and the team basically accepted it.',
  'Two teams disagreed on whether to rebuild the search index or tune the existing one.',
  'A key customer threatened to leave after a week of intermittent API errors.',
  'The SLA dashboard showed green while customers reported failed uploads every morning.',
];
const TASK = [
  'I owned the reliability of the checkout path and had two weeks before the peak.',
  'My manager asked me to look into it and I was responsible for the runbook.',
  'I had to find the root cause and decide whether to roll back the release.',
  'I set myself the goal of cutting onboarding time in half within a quarter.',
  'We were told to fix the backlog and we would report progress every Friday.',
  'I needed to bring the disagreement to a decision without losing either team.',
];
const ACTION = [
  'I pulled six weeks of request logs, grouped the failures by carrier and found that 70% came from one integration.',
  'I decided to pause that integration instead of waiting for the quarterly review, and I wrote the rollback plan before I touched production.',
  'We worked on the migration together and the team helped with the testing.',
  'I would first gather data and then I would talk to the stakeholders.',
  'I think the cache was kind of the problem, so I basically rewrote it.',
  'I wrote a two-page doc comparing both options with latency, cost and risk, and I presented it to both leads on Tuesday.',
  'When the VP chose the rebuild, I committed to it and staffed the first milestone myself.',
  'I helped the new hires and supported the on-call rotation while the fix was deployed.',
  'I built a replay harness that ran the failing requests against the new index every hour, and I shared the results in the team channel each morning so everyone could see the trend and challenge my reading of it before we made any call.',
  'I interviewed five customers, mapped every step of their upload flow and removed the two steps that caused most of the retries.',
  'I usually check the dashboards first and I always escalate early.',
  'I leveraged synergies across teams to move the needle on the KPI.',
  'I rewrote the onboarding checklist, removed 90 steps and paired every new hire with a buddy for their first week.',
  'I chose to ship the smaller fix first, accepting a week of manual work, rather than block the launch on the full redesign.',
];
const RESULT = [
  'Support tickets fell from 900 to 310 a week within a month, saving the team about 40 hours a week.',
  'Things improved a lot and the launch went well.',
  'The median time to first commit dropped from 9 days to 3 within a quarter, which let us staff the payments team two weeks early.',
  'Latency is now 80 ms at p99.',
  'Checkout errors fell from 5% to 0.4% before the peak, and holiday revenue on mobile grew 12% year over year.',
  'It was a huge success and everyone was happy.',
  'The customer renewed for two years and their error rate stayed under 0.1% for the next six months.',
];
const REFLECTION = [
  'Since then I write the rollback plan before any risky change, and I review it with the on-call engineer.',
  'I learned a lot and communication is important.',
  'I now ask for the raw data before I accept a dashboard, every time.',
  'My mistake was waiting two days to escalate; now I escalate within the first hour.',
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function paragraph(rand: () => number, items: readonly string[], sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(pick(rand, items));
  return out.join(' ');
}

/** One story of about 450 words. */
export function story(rand: () => number, index = 0): string {
  const names = amazonPrinciples.principles.map((p) => p.name);
  const count = 1 + Math.floor(rand() * 3);
  const principles = new Set<string>();
  while (principles.size < count) principles.add(pick(rand, names));
  return [
    `# Story ${index + 1}: ${pick(rand, ['checkout', 'billing', 'search', 'onboarding', 'pipeline', 'refunds'])} ${pick(rand, ['latency', 'outage', 'backlog', 'migration', 'redesign'])}`,
    `Principles: ${[...principles].join(', ')}`,
    '',
    '## Situation',
    paragraph(rand, SITUATION, 3),
    '',
    '## Task',
    paragraph(rand, TASK, 2),
    '',
    '## Action',
    paragraph(rand, ACTION, 7),
    '',
    paragraph(rand, ACTION, 7),
    '',
    '## Result',
    paragraph(rand, RESULT, 3),
    '',
    '## Reflection',
    paragraph(rand, REFLECTION, 2),
    '',
  ].join('\n');
}

/** The first seeded story of 440–460 words: "a 450-word story". */
export function story450(): string {
  for (let seed = 1; ; seed++) {
    const text = story(random(seed));
    const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (words >= 440 && words <= 460) return text;
  }
}

export function storyFile(seed: number, stories: number): string {
  const rand = random(seed);
  const parts: string[] = [];
  for (let i = 0; i < stories; i++) parts.push(story(rand, i));
  return parts.join('\n');
}

/** A bank of `files` story files, one or two stories each: [relative path, text][]. */
export function bank(seed: number, files: number): Array<[string, string]> {
  const rand = random(seed);
  const out: Array<[string, string]> = [];
  for (let i = 0; i < files; i++) {
    const stories = rand() < 0.8 ? 1 : 2;
    const parts: string[] = [];
    for (let s = 0; s < stories; s++) parts.push(story(rand, s));
    out.push([`team-${i % 10}/story-${String(i).padStart(4, '0')}.star.md`, parts.join('\n')]);
  }
  return out;
}
