import { strict as assert } from 'node:assert';
import { Linter } from '../../server/src/engine';
import { splitChunks } from '../../server/src/engine/parse';
import { rules } from '../../server/src/engine/rules';
import { random, storyFile } from '../../bench/corpus';

const parse = (text: string) => new Linter({ rules: [] }).lint(text);
const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('parsing a story file', () => {
  it('finds each story with its title, principles and sections', () => {
    const text = [
      '# Checkout latency',
      'Principles: Customer Obsession, DD',
      '',
      '## Situation',
      'Checkout slowed down.',
      '## Actions',
      'I profiled it.',
      '',
      '# Second story',
      '',
      'Principles: Have Backbone; Disagree and Commit; Are Right, A Lot',
      '## Outcome',
      'Done.',
    ].join('\n');
    const { stories } = parse(text);
    assert.deepEqual(
      stories.map((s) => s.title),
      ['Checkout latency', 'Second story'],
    );
    assert.deepEqual(
      stories[0].principles?.entries.map((e) => e.principle?.name),
      ['Customer Obsession', 'Dive Deep'],
    );
    assert.deepEqual(
      stories[0].sections.map((s) => [s.name, s.kind]),
      [
        ['Situation', 'situation'],
        ['Actions', 'action'],
      ],
    );
    assert.equal(slice(text, stories[0].sections[1].body).trim(), 'I profiled it.');
    assert.deepEqual(
      stories[1].principles?.entries.map((e) => [slice(text, e), e.principle?.name]),
      [
        ['Have Backbone; Disagree and Commit', 'Have Backbone; Disagree and Commit'],
        ['Are Right, A Lot', 'Are Right, A Lot'],
      ],
    );
    assert.equal(stories[1].sections[0].kind, 'result');
  });

  it('does not start a story at a heading inside a fenced code block or an HTML comment', () => {
    const text = '# Real\n\n```markdown\n# Not a story\n## Action\n```\n\n<!--\n# Also not\n-->\n## Task\nI owned it.\n';
    const { stories } = parse(text);
    assert.equal(stories.length, 1);
    assert.deepEqual(
      stories[0].sections.map((s) => s.name),
      ['Task'],
    );
  });

  it('keeps code, comments and link URLs out of the prose the rules read', () => {
    const text = '# T\n## Action\nI ran `we we` and <!-- we --> read [the doc](https://we.example/us) then ~~~\n';
    const [story] = parse(text).stories;
    const prose = story.prose;
    assert.equal(prose.length, text.length, 'prose keeps every offset');
    assert.ok(!/\bwe\b/.test(prose.slice(text.indexOf('## Action'))), `prose still has "we": ${prose}`);
    assert.ok(prose.includes('the doc'), 'link text is prose');
  });

  it('reads the text after a comment that opens a line as prose, as the preview shows it', () => {
    const text =
      '# T\n## Reflection\n<!-- for Dive Deep\nquestions --> I now sample <!-- we --> ten records.\n<!-- star-stories-disable-file we-over-i --> We check.\n';
    const result = parse(text);
    const prose = result.stories[0].prose;
    assert.equal(prose.length, text.length, 'prose keeps every offset');
    assert.deepEqual(
      prose
        .slice(text.indexOf('## Reflection') + 13)
        .split(/\s+/)
        .filter(Boolean),
      ['I', 'now', 'sample', 'ten', 'records.', 'We', 'check.'],
    );
    assert.equal(
      new Linter().lint(text).findings.filter((f) => f.rule === 'we-over-i').length,
      0,
      'a directive in the comment still counts',
    );
  });

  it('reads a paragraph full of unclosed "<!--" and "<?" as the same prose, and the comments that do close stay hidden', () => {
    const junk = '<!--<?<!A '.repeat(40);
    const text = `# T\n## Action\n<!-- star-stories-disable-next-line weak-verb -->\nI helped ${junk}\n<!-- we -->\nI decided <!-- we --> to ship ${junk}and we waited, we tested and we shipped.\n<!-- an unclosed block\nwe we we\n`;
    const result = new Linter().lint(text);
    const prose = result.stories[0].prose;
    assert.equal(prose.length, text.length, 'prose keeps every offset');
    const words = (from: string, to: string) => prose.slice(text.indexOf(from), text.indexOf(to)).split(/\s+/).filter(Boolean);
    assert.deepEqual(words('I decided', '<!-- an unclosed'), [
      'I',
      'decided',
      'to',
      'ship',
      ...Array(40).fill(['!--', '?', '!A']).flat(),
      'and',
      'we',
      'waited,',
      'we',
      'tested',
      'and',
      'we',
      'shipped.',
    ]);
    assert.ok(!/\bwe\b/.test(prose.slice(text.indexOf('<!-- an unclosed'))), 'an unclosed comment that opens a line still hides the rest');
    assert.ok(!result.findings.some((f) => f.rule === 'weak-verb'), 'the directive before the junk still works');
    const we = result.findings.filter((f) => f.rule === 'we-over-i');
    assert.equal(we.length, 1, `one we-over-i finding for the section: ${result.findings.map((f) => f.rule)}`);
    assert.equal(we[0].relatedSpans?.length, 3, 'three "we" in the prose');
  });

  it('reads front matter as settings and skips it as prose', () => {
    const text = '---\ntargetSeconds: 120\nrules:\n  too-long: error\n---\n# Story\n## Action\nI did it.\n';
    const result = new Linter().lint(text);
    assert.equal(result.config.targetSeconds, 120);
    assert.deepEqual(result.config.rules, { 'too-long': 'error' });
    assert.equal(result.stories[0].title, 'Story');
  });

  it('reports malformed front matter and keeps linting with defaults', () => {
    const text = '---\ntargetSeconds: [oops\n---\n# Story\n## Action\nWe did it and we shipped it.\n';
    const result = new Linter().lint(text);
    const notice = result.findings.find((f) => f.rule === 'front-matter');
    assert.ok(notice, 'a front-matter finding');
    assert.match(notice.message, /not valid YAML/);
    assert.equal(result.config.targetSeconds, 180);
    assert.ok(
      result.findings.some((f) => f.rule === 'we-over-i'),
      'rules still run',
    );
  });

  it('reports front matter settings of the wrong type, naming the key', () => {
    const result = new Linter().lint('---\ntargetSeconds: soon\nrules:\n  no-such-rule: off\n---\n# S\n');
    const messages = result.findings.filter((f) => f.rule === 'front-matter').map((f) => f.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0], /targetSeconds/);
    assert.match(messages[1], /no-such-rule/);
  });

  it('gives the same stories for CRLF, CR and LF line endings', () => {
    const lf = '# Story\nPrinciples: Ownership\n\n## Action\nI fixed it.\n';
    for (const eol of ['\r\n', '\r']) {
      const text = lf.replace(/\n/g, eol);
      const [story] = parse(text).stories;
      assert.equal(story.title, 'Story');
      assert.equal(story.principles?.entries[0].principle?.name, 'Ownership');
      assert.equal(slice(text, story.sections[0].nameSpan), 'Action');
      assert.equal(slice(text, story.sections[0].body).trim(), 'I fixed it.');
    }
  });

  it('splits 3,000 random documents of headings, fences, comments and mixed line ends as a line-by-line reading does', () => {
    const pieces = ['# A', ' # B', '   # C', '    # D', '#', '#x', '#\t', '## E', '```', '~~~', '````', ' ```js', '``` a `b`', '~~~ `x`'];
    pieces.push('<!--', '<!-->', '<!--->', '-->', '<!-- c -->', 'a <!-- b', 'c --> d', '<!-- x --> <!--', 'text', '', ' ', '\t# F');
    const breaks = ['\n', '\r\n', '\r', '\n\r', '\n\n'];
    const draw = random(20261206);
    const next = (n: number) => Math.floor(draw() * n);
    for (let doc = 0; doc < 3000; doc++) {
      let text = '';
      for (let line = next(30); line >= 0; line--) text += pieces[next(pieces.length)] + breaks[next(breaks.length)];
      if (next(2)) text = text.slice(0, -1);
      const from = next(3) === 0 ? Math.min(next(10), text.length) : 0;
      assert.deepEqual(splitChunks(text, from), chunksLineByLine(text, from), JSON.stringify(text));
    }
  });

  it('splits chunks only at level-1 headings', () => {
    const text = 'intro\n# A\n## B\n#hashtag\n # C\n';
    assert.deepEqual(
      splitChunks(text, 0).map((c) => [text.slice(c.start, c.end), c.isStory]),
      [
        ['intro\n', false],
        ['# A\n## B\n#hashtag\n', true],
        [' # C\n', true],
      ],
    );
  });
});

describe('inline directives', () => {
  // Two hedges: a rule that reports each occurrence where it stands.
  const weak = 'I think it shipped and maybe we tested it.';
  const lintWith = (action: string) =>
    new Linter()
      .lint(`# S\nPrinciples: Ownership\n## Situation\nx\n## Task\nI owned it.\n## Action\n${action}\n## Result\nUp 5%.\n`)
      .findings.filter((f) => f.rule === 'hedging');

  it('disable-next-line silences one rule on the next line only', () => {
    assert.equal(lintWith(weak).length, 2);
    assert.equal(lintWith(`<!-- star-stories-disable-next-line hedging -->\n${weak}`).length, 0);
    assert.equal(lintWith(`<!-- star-stories-disable-next-line weak-verb -->\n${weak}`).length, 2);
    assert.equal(lintWith(`<!-- star-stories-disable-next-line hedging -->\n\n${weak}`).length, 2);
  });

  it('disable / enable silence a region', () => {
    assert.equal(
      lintWith(`<!-- star-stories-disable hedging -->\n${weak}\n<!-- star-stories-enable hedging -->\nIt basically worked.`).length,
      1,
    );
    assert.equal(lintWith(`<!-- star-stories-disable -->\n${weak}`).length, 0);
  });

  it('disable-file silences a rule anywhere in the file', () => {
    const text = `<!-- star-stories-disable-file we-over-i -->\n# S\n## Action\n${weak}\n`;
    assert.equal(new Linter().lint(text).findings.filter((f) => f.rule === 'we-over-i').length, 0);
  });

  it('ignores a directive inside a code block', () => {
    assert.equal(lintWith(`\`\`\`\n<!-- star-stories-disable -->\n\`\`\`\n${weak}`).length, 2);
  });
});

/** What `splitChunks` must return, read one line string at a time with whole-line patterns. */
function chunksLineByLine(text: string, from: number): Array<{ start: number; end: number; isStory: boolean }> {
  const chunks: Array<{ start: number; end: number; isStory: boolean }> = [];
  let [chunkStart, isStory, inComment, pos] = [from, false, false, from];
  let fence: string | undefined;
  const lineBreak = /\r\n|\r|\n/g;
  for (;;) {
    lineBreak.lastIndex = pos;
    const m = lineBreak.exec(text);
    const line = text.slice(pos, m ? m.index : text.length);
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (close?.[0] === fence[0] && close.length >= fence.length) fence = undefined;
    } else if (inComment) inComment = !line.includes('-->');
    else if (fenceMark && !(fenceMark[0] === '`' && line.slice(line.indexOf(fenceMark) + fenceMark.length).includes('`')))
      fence = fenceMark;
    else if (/^ {0,3}#(?:[ \t]|$)/.test(line)) {
      if (pos > chunkStart || isStory) chunks.push({ start: chunkStart, end: pos, isStory });
      [chunkStart, isStory] = [pos, true];
    } else if (line.includes('<!--')) inComment = !line.slice(line.lastIndexOf('<!--') + 4).includes('-->');
    if (!m) break;
    pos = m.index + m[0].length;
  }
  if (text.length > chunkStart || isStory) chunks.push({ start: chunkStart, end: text.length, isStory });
  return chunks;
}

/** A deep copy with every `start` and `end` moved by `by`. */
function movedBy<T>(value: T, by: number): T {
  if (Array.isArray(value)) return value.map((v) => movedBy(v, by)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    copy[key] = (key === 'start' || key === 'end') && typeof v === 'number' ? v + by : movedBy(v, by);
  return copy as T;
}

describe('re-linting after an edit', () => {
  it('gives the same findings as a fresh lint, with offsets moved', () => {
    const one = '# One\n## Action\nWe did it and we shipped.\n\n';
    const two = '# Two\n## Action\nWe planned it and we ran it.\n';
    const linter = new Linter();
    linter.lint(one + two);
    const edited = one.replace('did it', 'did it all') + two;
    const incremental = linter.lint(edited).findings;
    const fresh = new Linter().lint(edited).findings;
    assert.deepEqual(incremental, fresh);
    assert.ok(incremental.some((f) => f.start > edited.indexOf('# Two') && edited.slice(f.start, f.end) === 'We'));
  });

  it('gives a fresh lint’s findings, fixes and stories after a keystroke in the middle of a 20-story file', () => {
    // The last story's Result has no number: its fix inserts a snippet.
    const file = `${storyFile(42, 20)}\n# Pager rotation\nPrinciples: Ownership\n\n## Situation\nOur pager rotation burned people out.\n\n## Task\nI owned the fix.\n\n## Action\nI rewrote the rotation and I moved alerts to the owning teams.\n\n## Result\nThe team was much happier.\n`;
    const middle = file.indexOf('## Action', file.length >> 1) + '## Action\n'.length + 10;
    // unexplained-acronym's fix writes the front matter at the document's start, which no story's place moves.
    const moving = { rules: rules.filter((r) => r.name !== 'unexplained-acronym') };
    const linter = new Linter(moving);
    linter.lint(file);
    for (const edited of [file.slice(0, middle) + 'x' + file.slice(middle), file.slice(0, middle) + file.slice(middle + 1), file]) {
      const incremental = linter.lint(edited);
      const fresh = new Linter(moving).lint(edited);
      assert.deepEqual(incremental.findings, fresh.findings);
      assert.deepEqual(incremental.stories, fresh.stories);
      // Both lints copy a story's findings to its place; a story linted alone needs no copy.
      const starts = [...edited.matchAll(/^# /gm)].map((m) => m.index).filter((at) => at > middle);
      starts.forEach((start, k) => {
        const end = starts[k + 1] ?? edited.length;
        const alone = new Linter(moving).lint(edited.slice(start, end));
        assert.deepEqual(
          incremental.findings.filter((f) => f.start >= start && f.start < end),
          alone.findings.map((f) => movedBy(f, start)),
        );
        assert.deepEqual(
          incremental.stories.find((story) => story.start === start),
          movedBy(alone.stories[0], start),
        );
      });
      const moved = incremental.findings.filter((f) => f.start > middle);
      assert.ok(moved.some((f) => f.fix && f.fix.edits.length > 0));
      assert.ok(moved.some((f) => f.suggestions?.some((fix) => fix.edits.some((e) => e.snippet !== undefined))));
      assert.ok(moved.some((f) => f.relatedSpans && f.relatedSpans.length > 0));
    }
  });
});

describe('sections written as labels instead of "##" headings', () => {
  const kinds = (text: string) => {
    const [story] = new Linter().lint(text).stories;
    return story.sections.map((s) => `${s.kind}:${text.slice(s.heading.start, s.heading.end)}`);
  };

  it('reads bold labels, "Label:" with text after it, and a bare label line, as many candidates write them', () => {
    assert.deepEqual(
      kinds(
        '# T\nPrinciples: Dive Deep\n\n**Situation**\n- Churn was 7%.\n\nTask: I owned the model.\n\nWhat I did:\n- I pulled the logs.\n\nResult\nChurn fell to 5%.\n',
      ),
      ['situation:**Situation**', 'task:Task:', 'action:What I did:', 'result:Result'],
    );
  });

  it('keeps the labels out of the spoken words, and the text after "Task:" in the section', () => {
    const text = '# T\n\nSituation: Churn was 7%.\n\nTask: I owned the model.\n\nAction: I pulled the logs.\n\nResult: Churn fell to 5%.\n';
    const [story] = new Linter().lint(text).stories;
    const task = story.sections[1];
    assert.equal(text.slice(task.body.start, task.body.end).trim(), 'I owned the model.');
    assert.ok(!/Task:/.test(story.prose), 'the label is not prose');
  });

  it('leaves prose that merely starts with a section word alone, and never mixes labels into "##" sections', () => {
    assert.deepEqual(kinds('# T\n\nAction items were late: I chased them.\n'), []);
    assert.deepEqual(kinds('# T\n\n## Situation\nx\n\nTask: inside the Situation.\n'), ['situation:## Situation']);
  });
});
