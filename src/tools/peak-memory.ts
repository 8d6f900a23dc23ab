/**
 * Loaded with `node --import` into a process the benchmark measures: on exit, it prints the
 * process's peak resident memory (its own, not that of programs it starts) as `peak-rss-kb <n>`.
 */
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
