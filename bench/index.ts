// npm run bench: runs every suite in bench/suites (one file per feature, each exporting `run()`), in name
// order, or only those named: `npm run bench -- search extract`.
import { readdirSync } from 'fs';
import { basename, join } from 'path';

interface Suite {
  run(): Promise<void> | void;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const dir = join(__dirname, 'suites');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  for (const file of files) {
    const name = basename(file, '.ts');
    if (wanted.length && !wanted.includes(name)) continue;
    console.log(`\n=== bench: ${name} ===`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const suite = require(join(dir, file)) as Suite;
    await suite.run();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
