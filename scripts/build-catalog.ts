// npm run catalog: parse catalog/sources, merge the project's texts and write the generated catalog.
// npm run catalog:check: fail when the committed file is not what the sources produce (CI).
// --strict: also fail while any entry lacks zh or en, or a translation lost an identifier.
import { readFileSync, writeFileSync } from 'fs';
import {
  buildFullCatalog,
  GENERATED,
  GENERATED_INDEX,
  renderCatalog,
  renderSearchIndex,
} from '../catalog/generate';
import { summarize } from '../catalog/project/check';
import { ProjectTextError } from '../catalog/project/load';

let built: ReturnType<typeof buildFullCatalog>;
try {
  built = buildFullCatalog({ strict: process.argv.includes('--strict') });
} catch (error) {
  if (!(error instanceof ProjectTextError)) throw error;
  console.error(error.message);
  process.exit(1);
}
// The catalog and its prebuilt search index: both written, both checked.
const outputs = [
  { file: GENERATED, next: renderCatalog(built.data) },
  { file: GENERATED_INDEX, next: renderSearchIndex(built.data) },
];
const read = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
if (process.argv.includes('--check')) {
  const stale = outputs.filter((o) => read(o.file) !== o.next);
  for (const o of stale) console.error(`${o.file} is stale: run \`npm run catalog\` and commit the result.`);
  if (stale.length) process.exit(1);
  console.log('catalog is up to date');
} else {
  for (const o of outputs) {
    writeFileSync(o.file, o.next);
    console.log(`wrote ${o.file} (${Buffer.byteLength(o.next)} bytes)`);
  }
  for (const line of summarize(built.report)) console.log(line);
}
