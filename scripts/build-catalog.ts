// npm run catalog: parse catalog/sources and write the generated catalog the mini-program bundles.
// npm run catalog:check: fail when the committed file is not what the sources produce (CI).
import { readFileSync, writeFileSync } from 'fs';
import { GENERATED, renderCatalogModule } from '../catalog/generate';

const next = renderCatalogModule();
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
}
