import { strict as assert } from 'node:assert';
import { Linter } from '../..';
import { unexplainedAcronym } from './rule';
import { applyEdits, story, testRule } from '../../../../../test/unit/ruleTester';

const action = (text: string) => story({ action: text });
const ADD_SLA = 'Add "SLA" to this file\'s acronym allow-list';
const missed = action('I missed the SLA twice.');

testRule(unexplainedAcronym, {
  valid: [
    {
      name: 'units and file formats read as words',
      text: action('Uploads over 20 MB failed for PNG and ZIP files, and KB-sized thumbnails were fine.'),
    },
    { name: "the builder's strong story", text: story({}) },
    // A new user's bank was flagged for the words of the loop itself.
    {
      name: 'the roles and working words of an Amazon loop: SDE, SDM, TPM, SLO, OKR, PR',
      text: action('As the SDE on call I paired with our SDM and TPM, met the SLO and the OKR, and reviewed every PR.'),
    },
    {
      name: 'expanded before: "service-level agreement (SLA)"',
      text: action('We missed our service-level agreement (SLA) twice, so I rewrote the SLA alerts.'),
    },
    {
      name: 'expanded after: "ETL (extract, transform, load)"',
      text: action('I rewrote the ETL (extract, transform, load) jobs, then moved every ETL step to the orchestrator.'),
    },
    {
      name: 'acronyms every interviewer knows',
      text: action('I asked the CTO and the VP of HR to review the API, the UI and the SQL on AWS. OK, the US and EU teams agreed.'),
    },
    { name: 'allowed in settings', text: missed, config: { acronyms: ['SLA'] } },
    { name: 'allowed in front matter', text: '---\nacronyms: [SLA, ETL]\n---\n' + missed },
    {
      name: 'one capital with digits: percentiles, quarters, versions, services',
      text: action('P99 fell in Q3 after I moved the V2 files to S3.'),
    },
    {
      name: 'Roman numerals, capitals for emphasis and shouted contractions',
      text: action("Phase II shipped. I did NOT ship on Friday, and DON'T MERGE labels stayed."),
    },
    { name: 'numbers with units', text: action('The bill fell from $61K to $24K and p99 from 4.2s to 900ms.') },
    {
      name: 'headings, code, link URLs and comments',
      text: action('### SRE handoff\n\nI ran `kubectl get HPA` and read [the doc](https://example.com/SLO).\n\n<!-- TODO: SLO -->'),
    },
    { name: 'the title and the Principles line', text: story({ title: 'The SLO nobody owned' }) },
  ],
  invalid: [
    {
      name: 'a hyphenated acronym is one term: "TF-IDF", not "TF" and "IDF"',
      text: action('I replaced the TF-IDF features with embeddings.'),
      findings: [{ messageId: 'unexplained', text: 'TF-IDF' }],
    },
    {
      name: 'three unknown acronyms in one story are jargon: one finding shown, listing them all, the rest stay hints',
      text: action('I moved ranking from GBDT to LTR with an IPW label.'),
      findings: [
        { messageId: 'jargon', text: 'GBDT', severity: 'info' },
        { messageId: 'unexplained', text: 'LTR' },
        { messageId: 'unexplained', text: 'IPW' },
      ],
    },
    {
      name: 'two unknown acronyms are polish: hints only',
      text: action('I moved ranking from GBDT to LTR.'),
      findings: [
        { messageId: 'unexplained', text: 'GBDT', severity: 'hint' },
        { messageId: 'unexplained', text: 'LTR', severity: 'hint' },
      ],
    },
    {
      name: 'only the first use is flagged; the suggestion creates front matter',
      text: missed.replace('twice.', 'twice, and the SLA report went to finance.'),
      findings: [
        {
          messageId: 'unexplained',
          text: 'SLA',
          line: 14,
          suggestions: [ADD_SLA],
          suggestionOutput: '---\nacronyms: [SLA]\n---\n' + missed.replace('twice.', 'twice, and the SLA report went to finance.'),
        },
      ],
    },
    {
      name: 'a later expansion does not excuse the first use',
      text: action('I fixed the ETL jobs. ETL (extract, transform, load) ran nightly.'),
      findings: [{ messageId: 'unexplained', text: 'ETL' }],
    },
    {
      name: 'a parenthesis that does not spell the letters is not an expansion',
      text: action('I kept the SLA (99.9%) and the RTO (see the runbook).'),
      findings: [
        { messageId: 'unexplained', text: 'SLA' },
        { messageId: 'unexplained', text: 'RTO' },
      ],
    },
    {
      name: 'plurals and digits after the first letter',
      text: action('I cut the SLAs for EC2 and K8S.'),
      findings: [
        { messageId: 'jargon', text: 'SLA', severity: 'info' },
        { messageId: 'unexplained', text: 'EC2' },
        { messageId: 'unexplained', text: 'K8S' },
      ],
    },
    {
      name: 'each story in a file on its own',
      text: missed + '\n' + story({ title: 'Second', action: 'I missed the SLA again.' }),
      findings: [
        { messageId: 'unexplained', text: 'SLA', line: 14 },
        { messageId: 'unexplained', text: 'SLA', line: 37 },
      ],
    },
    {
      name: 'front matter without the key: the key is added',
      text: '---\ntargetSeconds: 150\n---\n' + missed,
      findings: [
        {
          messageId: 'unexplained',
          text: 'SLA',
          suggestions: [ADD_SLA],
          suggestionOutput: '---\ntargetSeconds: 150\nacronyms: [SLA]\n---\n' + missed,
        },
      ],
    },
    {
      name: 'a flow list is extended',
      text: '---\nacronyms: [ETL, RTO] # ours\n---\n' + missed,
      findings: [{ messageId: 'unexplained', text: 'SLA', suggestionOutput: '---\nacronyms: [ETL, RTO, SLA] # ours\n---\n' + missed }],
    },
    {
      name: 'an empty flow list is filled',
      text: '---\nacronyms: []\n---\n' + missed,
      findings: [{ messageId: 'unexplained', text: 'SLA', suggestionOutput: '---\nacronyms: [SLA]\n---\n' + missed }],
    },
    {
      name: 'a block list is extended with its indentation',
      text: '---\nacronyms:\n  - ETL\n  - RTO\ntargetSeconds: 150\n---\n' + missed,
      findings: [
        {
          messageId: 'unexplained',
          text: 'SLA',
          suggestionOutput: '---\nacronyms:\n  - ETL\n  - RTO\n  - SLA\ntargetSeconds: 150\n---\n' + missed,
        },
      ],
    },
    {
      name: 'CRLF files get CRLF front matter',
      text: missed.replace(/\n/g, '\r\n'),
      findings: [
        { messageId: 'unexplained', text: 'SLA', suggestionOutput: ('---\nacronyms: [SLA]\n---\n' + missed).replace(/\n/g, '\r\n') },
      ],
    },
    {
      name: 'a list written in a way it cannot safely extend: no suggestion',
      text: '---\nacronyms: [ETL,\n  RTO]\n---\n' + missed,
      findings: [{ messageId: 'unexplained', text: 'SLA', suggestions: [] }],
    },
  ],
});

describe('rule unexplained-acronym suggestion', () => {
  const linter = new Linter({ rules: [unexplainedAcronym] });

  it('applied, it silences the finding and leaves no front matter problem', () => {
    for (const text of [missed, '---\ntargetSeconds: 150\n---\n' + missed, '---\nacronyms:\n  - ETL\n---\n' + missed]) {
      const [finding] = linter.lint(text).findings;
      const fixed = applyEdits(text, finding.suggestions![0].edits);
      assert.deepEqual(
        linter.lint(fixed).findings.map((f) => f.message),
        [],
      );
    }
  });

  it('stays correct when text above the story changes (findings are cached per story)', () => {
    const first = linter.lint(missed).findings[0].suggestions![0].edits[0];
    const withFrontMatter = '---\ntargetSeconds: 150\n---\n' + missed;
    const second = linter.lint(withFrontMatter).findings[0].suggestions![0].edits[0];
    assert.deepEqual(first, { start: 0, end: 0, text: '---\nacronyms: [SLA]\n---\n' });
    assert.equal(applyEdits(withFrontMatter, [second]), '---\ntargetSeconds: 150\nacronyms: [SLA]\n---\n' + missed);
  });

  it('a bad acronyms value in front matter is reported and ignored', () => {
    const findings = new Linter({ rules: [unexplainedAcronym] }).lint('---\nacronyms: 7\n---\n' + missed).findings;
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['front-matter', 'unexplained-acronym'],
    );
    assert.match(findings[0].message, /"acronyms" must be a list of phrases/);
  });
});

describe('rule unexplained-acronym message', () => {
  it('uses the flagged acronym in its advice, never another one that reads like a misreading', () => {
    const [finding] = new Linter({ rules: [unexplainedAcronym] }).lint(action('I tuned the RPM limits.')).findings;
    assert.match(finding.message, /"RPM" is not expanded/);
    assert.match(finding.message, /"\(RPM\)"/);
    assert.doesNotMatch(finding.message, /SLA/);
  });
});
