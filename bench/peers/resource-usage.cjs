// Preloaded (node -r) by the throughput benchmark where /usr/bin/time is absent: writes the
// process's own resource usage (all threads: getrusage) to $KIYAN_BENCH_USAGE at exit.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.KIYAN_BENCH_USAGE) writeFileSync(process.env.KIYAN_BENCH_USAGE, JSON.stringify(process.resourceUsage()));
});
