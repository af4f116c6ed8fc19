/** The kiyan command line: a thin layer over the library (src/index.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { EXIT, InputError, LexiconError, packageRoot, UserError } from '../index.js';
import { registerExtract } from './extract.js';
import { registerNormalize } from './normalize.js';
import { registerEval } from './eval.js';
import { registerLexicon } from './lexicon.js';
import { registerServe } from './serve.js';
import { errorLine, installPipeGuard } from './output.js';

export function buildProgram(): Command {
  const version = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version as string;
  const program = new Command('kiyan')
    .description('kiyan (كيان): find people, places and organisations in Arabic text')
    .version(version, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  registerExtract(program);
  registerNormalize(program);
  registerEval(program);
  registerLexicon(program);
  registerServe(program);
  speakAsKiyan(program);
  return program;
}

/** commander's parsing errors ("error: unknown option ...") start with `kiyan:` as every other
 * error does; exitOverride lets main() give them exit 2. Set on every command, nested too. */
function speakAsKiyan(cmd: Command): void {
  cmd.exitOverride().configureOutput({
    outputError: (message, write) => write(message.replace(/^error: /, 'kiyan: ')),
  });
  for (const sub of cmd.commands) speakAsKiyan(sub);
}

export async function main(argv: string[]): Promise<void> {
  installPipeGuard();
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander has already printed its message (or the help / version).
      const ok = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help';
      process.exitCode = ok ? EXIT.OK : EXIT.USAGE;
    } else if (e instanceof UserError) {
      errorLine(e.message);
      process.exitCode = e.exitCode;
    } else if (e instanceof InputError) {
      errorLine(e.message);
      process.exitCode = EXIT.USAGE;
    } else if (e instanceof LexiconError) {
      errorLine(e.message);
      process.exitCode = EXIT.USAGE;
    } else {
      errorLine(`internal error: ${(e as Error).message} (please report it)`);
      process.exitCode = 3;
    }
  }
}
