// A new harvest may not quote a thread that earlier real data already holds (held or tune: the check does not
// say which). Usage: ts-node bench/data/check-new-threads.ts <new file> [...]; exit 1 with the ids to drop.
import { basename } from 'path';
import { fileThreads, usedThreads } from './held-threads';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: check-new-threads <new snippet or query file> [...]');
  process.exit(2);
}
const used = usedThreads(files.map((f) => basename(f)));
let bad = 0;
for (const file of files)
  for (const entry of fileThreads(file))
    if (used.has(entry.thread)) {
      bad++;
      console.log(`${basename(file)}: drop ${entry.id} (its thread ${entry.thread} is in earlier data)`);
    }
console.log(bad === 0 ? 'no entry quotes a thread earlier data holds' : `${bad} entries to drop`);
process.exit(bad === 0 ? 0 : 1);
