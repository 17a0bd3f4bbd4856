// Preloaded (node --import) into measured processes when /usr/bin/time is missing: writes the
// process's own resource usage (CPU time, peak RSS) to BENCH_USAGE_FILE as it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  delete process.env.BENCH_USAGE_FILE; // not inherited by the process's own children
  process.on('exit', () => {
    try {
      writeFileSync(file, JSON.stringify(process.resourceUsage()));
    } catch {
      // nothing to do: the bench reports the measurement as missing
    }
  });
}
