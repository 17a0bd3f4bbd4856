// How many cases of each kind a robustness suite tried: counted as the cases run, printed as a small
// table when the file is done (the issue asks for the counts).
import { afterAll } from 'vitest';

export function tally(suite: string): (kind: string, n?: number) => void {
  const counts = new Map<string, number>();
  afterAll(() => {
    const width = Math.max(4, ...[...counts.keys()].map((k) => k.length));
    const rows = [...counts].map(([kind, n]) => `| ${kind.padEnd(width)} | ${String(n).padStart(6)} |`);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log([`${suite}: cases tried`, `| ${'kind'.padEnd(width)} |  cases |`, `|${'-'.repeat(width + 2)}|--------|`, ...rows, `| ${'total'.padEnd(width)} | ${String(total).padStart(6)} |`].join('\n'));
  });
  return (kind, n = 1) => counts.set(kind, (counts.get(kind) ?? 0) + n);
}
