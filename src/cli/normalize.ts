/** `kiyan normalize [FILE]`: the text as the extractor sees it. */
import type { Command } from 'commander';
import { ALL_STEPS, STEP_DESCRIPTIONS, normalize, parseSteps, readTextInput, UserError } from '../index.js';
import { writeOut } from './output.js';

export function registerNormalize(program: Command): void {
  program
    .command('normalize')
    .description('print text normalised exactly as extraction normalises it')
    .argument('[file]', 'a text file; "-" or nothing reads stdin', '-')
    .option('-s, --steps <steps>', `comma-separated steps to apply (default: all): ${ALL_STEPS.join(', ')}`)
    .option('-x, --skip <steps>', 'comma-separated steps to leave out')
    .option('--list-steps', 'list the steps and what each does')
    .action((file: string, opts: { steps?: string; skip?: string; listSteps?: boolean }) => {
      if (opts.listSteps) {
        for (const s of ALL_STEPS) writeOut(`${s}\t${STEP_DESCRIPTIONS[s]}\n`);
        return;
      }
      let steps = [...ALL_STEPS];
      try {
        if (opts.steps) steps = parseSteps(opts.steps);
        if (opts.skip) {
          const skip = new Set(parseSteps(opts.skip));
          steps = steps.filter((s) => !skip.has(s));
        }
      } catch (e) {
        throw new UserError((e as Error).message);
      }
      if (file === '-' && process.stdin.isTTY) throw new UserError('no input: give a FILE, or pipe text into stdin');
      const { text } = readTextInput(file);
      writeOut(normalize(text, steps));
    });
}
