/**
 * `star-stories plan`: a distinct story for every principle of every round of the loop, and the
 * principles the bank cannot cover. `star-stories sheet`: the same plan as a one-page loop sheet.
 */
import { resolveProfile } from '../engine/profiles';
import { planBankLoop, renderLoopSheet, renderPlan, type PlanFormat, type SheetFormat } from '../engine/loop';
import { loadBank, printReport } from './coverage';
import { notice, type Io } from './io';
import type { Options } from './options';

export function plan(options: Options, io: Io): number {
  const loaded = loadBank(options, io);
  if (typeof loaded === 'number') return loaded;
  const { bank, folders, failed } = loaded;
  const details = bank.details();
  const planned = planBankLoop(details, bank.principleSet, bank.config.loop, resolveProfile(bank.config));
  if (options.command === 'sheet') {
    printReport(io, renderLoopSheet(planned, details, options.format as SheetFormat), false);
  } else {
    // The problems are part of the text and Markdown reports; JSON readers get them in the plan.
    if (options.format === 'json') for (const problem of planned.problems ?? []) notice(io, problem);
    const stories = details.map((d) => d.summary);
    printReport(io, renderPlan(planned, stories, folders, options.format as PlanFormat), options.format === 'json');
  }
  return failed ? 2 : 0;
}
