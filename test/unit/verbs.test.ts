import { strict as assert } from 'node:assert';
import { isKnownVerb, pastFromParticiple, pastTense } from '../../server/src/engine/verbs';

describe('verb forms for the hypothetical rewrite', () => {
  const PAST: Record<string, string> = {
    // irregular verbs candidates use in stories
    build: 'built',
    rebuild: 'rebuilt',
    write: 'wrote',
    rewrite: 'rewrote',
    run: 'ran',
    rerun: 'reran',
    send: 'sent',
    lead: 'led',
    drive: 'drove',
    choose: 'chose',
    find: 'found',
    take: 'took',
    make: 'made',
    tell: 'told',
    speak: 'spoke',
    spend: 'spent',
    set: 'set',
    reset: 'reset',
    cut: 'cut',
    split: 'split',
    spin: 'spun',
    dig: 'dug',
    override: 'overrode',
    undo: 'undid',
    redo: 'redid',
    shrink: 'shrank',
    speed: 'sped',
    hang: 'hung',
    sweep: 'swept',
    withhold: 'withheld',
    oversee: 'oversaw',
    seek: 'sought',
    teach: 'taught',
    bring: 'brought',
    buy: 'bought',
    hold: 'held',
    keep: 'kept',
    meet: 'met',
    pay: 'paid',
    // spelling of regular verbs
    stop: 'stopped',
    plan: 'planned',
    ship: 'shipped',
    commit: 'committed',
    debug: 'debugged',
    prefer: 'preferred',
    travel: 'traveled',
    visit: 'visited',
    offer: 'offered',
    open: 'opened',
    target: 'targeted',
    benefit: 'benefited',
    apply: 'applied',
    try: 'tried',
    play: 'played',
    delay: 'delayed',
    fix: 'fixed',
    sync: 'synced',
    ping: 'pinged',
    escalate: 'escalated',
    agree: 'agreed',
    panic: 'panicked',
    focus: 'focused',
    process: 'processed',
    echo: 'echoed',
    // a prefix keeps the verb irregular, and its stress on the verb
    overwrite: 'overwrote',
    overspend: 'overspent',
    repay: 'repaid',
    resell: 'resold',
    retake: 'retook',
    mistake: 'mistook',
    proofread: 'proofread',
    forgo: 'forwent',
    undergo: 'underwent',
    outsell: 'outsold',
    babysit: 'babysat',
    prepay: 'prepaid',
    overlap: 'overlapped',
    replan: 'replanned',
    overcommit: 'overcommitted',
    recap: 'recapped',
    outwit: 'outwitted',
    // compounds that only look like one
    relay: 'relayed',
    behave: 'behaved',
    reopen: 'reopened',
    revisit: 'revisited',
    reflect: 'reflected',
    record: 'recorded',
  };
  for (const [base, past] of Object.entries(PAST)) {
    it(`${base} → ${past}`, () => assert.equal(pastTense(base), past));
  }

  it('maps irregular participles back to the simple past', () => {
    assert.deepEqual(['written', 'spun', 'overridden', 'undone', 'sent', 'escalated'].map(pastFromParticiple), [
      'wrote',
      'spun',
      'overrode',
      'undid',
      'sent',
      'escalated',
    ]);
    assert.deepEqual(['overwritten', 'outgrown', 'mistaken', 'overspent'].map(pastFromParticiple), [
      'overwrote',
      'outgrew',
      'mistook',
      'overspent',
    ]);
  });

  it('knows which words after "and" are verbs', () => {
    assert.deepEqual(['send', 'talk', 'roll', 'spin', 'test'].map(isKnownVerb), [true, true, true, true, true]);
    assert.deepEqual(['data', 'metrics', 'plan_', 'set_up', 'stakeholders'].map(isKnownVerb), [false, false, false, false, false]);
  });
});
