// npm run catalog: parse catalog/sources, merge the project's texts and write the generated catalog.
// npm run catalog:check: fail when the committed file is not what the sources produce (CI).
// --strict: also fail while any entry lacks zh or en, or a translation lost an identifier.
import { readFileSync, writeFileSync } from 'fs';
import { buildFullCatalog, GENERATED, renderCatalog } from '../catalog/generate';
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
const next = renderCatalog(built.data);
let current = '';
try {
  current = readFileSync(GENERATED, 'utf8');
} catch {
  current = '';
}
if (process.argv.includes('--check')) {
  if (current !== next) {
    console.error(`${GENERATED} is stale: run \`npm run catalog\` and commit the result.`);
    process.exit(1);
  }
  console.log('catalog is up to date');
} else {
  writeFileSync(GENERATED, next);
  console.log(`wrote ${GENERATED} (${Buffer.byteLength(next)} bytes)`);
  for (const line of summarize(built.report)) console.log(line);
}
