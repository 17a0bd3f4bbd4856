// `zongjie serve`: the editors' page on this machine (src/server). Prints the URL; opens a browser
// only with --open; runs until Ctrl-C.
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { RuleFileError } from '../config/errors.js';
import type { RunningServer } from '../server/app.js';
import { EXIT, UsageError, runState, say, withStatus } from './shared.js';

interface ServeCliOptions {
  port: string;
  host: string;
  open?: boolean;
  config?: string;
  preset?: string;
}

/** The system's way of opening a URL in the default browser. */
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]]
    : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]]
      : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`zongjie: ${say('cli.serveNoBrowser', { url })}\n`));
    child.unref();
  } catch {
    process.stderr.write(`zongjie: ${say('cli.serveNoBrowser', { url })}\n`);
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('the editors\' page: paste or drop a draft, see every problem marked in place (本机网页：检查报告草稿)')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', '8765')
    .option('--host <host>', 'address to listen on; anything but loopback makes the page reachable from the network', '127.0.0.1')
    .option('--open', 'open the page in the default browser')
    .option('-c, --config <file>', 'use this config file instead of the nearest .zongjierc.yml')
    .option('--preset <name>', 'use this preset (recommended, union-annual) instead of a config file')
    .addHelpText('after', `
The page checks drafts with the same rules as \`zongjie check\` (the nearest .zongjierc.yml from the
current directory, else the preset "recommended"). Files are read by the page and analysed by this
process: nothing leaves the machine. Stop it with Ctrl-C.

Examples:
  zongjie serve
  zongjie serve --port 9000 --open
  zongjie serve --preset union-annual --lang en
`)
    .action(withStatus(async (opts: ServeCliOptions) => {
      if (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) > 65535) throw new UsageError(say('cli.portInvalid', { value: opts.port }));
      // The server (and the page) load only when `serve` runs.
      const { isLoopback, startServer } = await import('../server/app.js');
      const host = opts.host.replace(/^\[(.*)\]$/, '$1');
      if (!host) throw new UsageError(say('cli.hostEmpty'));
      let server: RunningServer;
      try {
        server = await startServer({
          host, port: Number(opts.port), lang: runState.lang,
          ...(opts.config ? { configFile: opts.config } : {}),
          ...(opts.preset ? { preset: opts.preset } : {}),
        });
      } catch (error) {
        if (error instanceof RuleFileError) throw new UsageError(error.message);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new UsageError(say('cli.portInUse', { port: opts.port, host }));
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new UsageError(say('cli.hostUnknown', { host }));
        if (code === 'EACCES') throw new UsageError(say('cli.portDenied', { port: opts.port }));
        throw error;
      }
      if (!isLoopback(host)) {
        process.stderr.write(`zongjie: ${say('cli.serveExposed', { host })}\n`);
      }
      process.stdout.write(`zongjie serve: ${server.url}\n${say('cli.serveStop')}\n`);
      if (opts.open) openBrowser(server.url);

      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          server.close().then(resolve, resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      return EXIT.ok;
    }));
}
