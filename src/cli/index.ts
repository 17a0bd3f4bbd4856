// The command line: one file per command; this file wires them up and turns errors into exit codes.
import { Command, CommanderError } from 'commander';
import { registerCheck } from './check.js';
import { registerExtract } from './extract.js';
import { registerInit } from './init.js';
import { registerRules } from './rules.js';
import { registerStats } from './stats.js';
import { version } from '../config/version.js';
import { registerNormalize } from './normalize.js';
import { registerOutline } from './outline.js';
import { registerSegment } from './segment.js';
import { registerServe } from './serve.js';
import { EXIT, UsageError, chooseLang, runState, say, sayError } from './shared.js';
import { RuleFileError } from '../config/errors.js';


/** The program, its texts in the language of this run (runState.lang, which main() sets first). */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('zongjie')
    .description('总结 — read, lint and mine Chinese work reports (工作总结、工作计划、述职报告)')
    .version(version, '-v, --version')
    // One option for every command (`zongjie --lang en check …` and `zongjie check --lang en …` alike);
    // main() reads it from argv before parsing, since commander's own errors need it too.
    .option('--lang <lang>', 'message language: zh (in each draft\'s own characters), zh-Hans, zh-Hant or en (default: $ZONGJIE_LANG, else zh) (消息语言)')
    .option('--locale <locale>', 'the same as --lang (zh-CN, zh-TW, zh-HK, en_US … also accepted)')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError(say('cli.helpAfterError'))
    // commander's own usage errors, in the language of the run.
    .configureOutput({ outputError: (text, write) => write(sayError(text)) })
    .exitOverride();
  registerNormalize(program);
  registerOutline(program);
  registerSegment(program);
  registerExtract(program);
  registerCheck(program);
  registerStats(program);
  registerRules(program);
  registerInit(program);
  registerServe(program);
  for (const command of program.commands) {
    command.exitOverride().showHelpAfterError(say('cli.helpAfterError')).configureOutput({ outputError: (text, write) => write(sayError(text)) });
  }
  return program;
}

/** Run the CLI; resolves to the exit status instead of exiting, so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  // `zongjie … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runState.status = EXIT.ok;
  const choice = chooseLang(argv.slice(2), process.env);
  runState.lang = choice.lang;
  runState.script = choice.script;
  if (choice.invalid) {
    process.stderr.write(`zongjie: ${say(choice.invalid.key, { value: choice.invalid.value })}\n`);
    return EXIT.fatal;
  }
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return runState.status;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; usage mistakes are a failed run.
      return error.exitCode === 0 ? EXIT.ok : EXIT.fatal;
    }
    // A mistake in a rule file (rules/*.yml read by any command, not only check) is the user's to
    // fix: file:line:column and what was expected, no stack trace.
    if (error instanceof UsageError || error instanceof RuleFileError) {
      process.stderr.write(`zongjie: ${sayError(error.message)}\n`);
      return EXIT.fatal;
    }
    process.stderr.write(`zongjie: ${say('cli.internalError', { detail: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`);
    return EXIT.fatal;
  }
}
