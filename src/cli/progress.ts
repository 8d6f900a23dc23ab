/**
 * How far a long import is, told on the console: one line per stage; on a terminal, also how many
 * files are read (or notes rendered) of how many, every couple of seconds, on one line that is
 * written over. Logs (CI) get the stage lines only.
 */
import type { ImportProgress } from '../pipeline/run.ts';

/** How often a count is told on a terminal. */
const COUNT_EVERY_MS = 2000;

export function consoleProgress(stream: NodeJS.WriteStream = process.stderr): ImportProgress {
  const terminal = stream.isTTY === true;
  let told = performance.now();
  let counting = false;
  const endCount = () => {
    if (counting) stream.write('\n');
    counting = false;
  };
  return {
    stage(name) {
      endCount();
      stream.write(`${name}\n`);
      told = performance.now();
    },
    count(what, done, total) {
      const now = performance.now();
      if (!terminal || (now - told < COUNT_EVERY_MS && done < total)) return;
      if (!counting && done === total) return;
      told = now;
      counting = true;
      stream.write(`\r\x1b[2K  ${what}: ${done} of ${total}`);
      if (done === total) endCount();
    },
  };
}
