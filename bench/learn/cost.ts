// What the `learned` option costs on the extract bench's 1 MB paste with distinct lines (buildLog + stampLines
// of bench/suites/extract.ts): CPU time of extractCodes with and without it, interleaved in one process, best
// and median of seven after warm-up runs. Ratios, not absolute times (a shared, loaded machine).
//
//   npx ts-node --transpile-only bench/learn/cost.ts
import { loadavg } from 'os';
import { extractCodes } from '../../miniprogram/core/extract';
import { loadExtractFixtures } from '../data/extract-fixtures';
import { buildLog, stampLines } from '../suites/extract';

const cpuMs = (f: () => void): number => {
  const t = process.cpuUsage();
  f();
  const used = process.cpuUsage(t);
  return (used.user + used.system) / 1000;
};

function main(): void {
  const log = buildLog(loadExtractFixtures(), 1024 * 1024);
  const paste = stampLines(log, log.length);
  const off: number[] = [];
  const on: number[] = [];
  const codes = [0, 0];
  for (let i = 0; i < 3; i++) {
    extractCodes(paste);
    extractCodes(paste, { learned: true });
  }
  for (let i = 0; i < 7; i++) {
    off.push(cpuMs(() => (codes[0] = extractCodes(paste).codes.length)));
    on.push(cpuMs(() => (codes[1] = extractCodes(paste, { learned: true }).codes.length)));
  }
  const best = (t: number[]) => Math.min(...t);
  const median = (t: number[]) => t.slice().sort((a, b) => a - b)[t.length >> 1];
  const mb = Buffer.byteLength(paste) / 1024 / 1024;
  console.log(
    `${mb.toFixed(2)} MB distinct lines: rules best ${best(off).toFixed(1)} / median ${median(off).toFixed(1)} ms (${codes[0]} codes); ` +
      `learned best ${best(on).toFixed(1)} / median ${median(on).toFixed(1)} ms (${codes[1]} codes); ` +
      `ratio best ${(best(on) / best(off)).toFixed(2)}×, median ${(median(on) / median(off)).toFixed(2)}×; load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
}

main();
