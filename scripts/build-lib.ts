// Builds the npm package's mini-program folder, miniprogram_dist/ (run by `prepare` after
// `tsc -p tsconfig.request.json` has written the declarations to miniprogram_dist/types/):
//   index.js    the core client (`require('wxerr')`), no catalog
//   explain.js  the optional catalog texts (`require('wxerr/explain')`)
// Each is one CommonJS file, so DevTools "构建 npm" copies the folder as is and a mini-program can require both.
import { buildSync, type BuildOptions } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

// Run compiled (dist/scripts/) by `prepare`, or from source with ts-node.
export const ROOT = existsSync(join(__dirname, '..', 'package.json'))
  ? join(__dirname, '..')
  : join(__dirname, '..', '..');
const out = join(ROOT, 'miniprogram_dist');

/** Syntax every supported base library runs without DevTools' ES5 transform (object spread, async). */
export const LIB_TARGET = 'es2018';

export const ENTRIES = { index: 'request/index.ts', explain: 'request/explain.ts' } as const;

/** How an entry is bundled for mini-programs; the request bench measures sizes with the same options. */
export function libBuildOptions(entry: string): BuildOptions {
  return {
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    target: LIB_TARGET,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  };
}

export function main(): void {
  mkdirSync(out, { recursive: true });
  for (const [name, entry] of Object.entries(ENTRIES)) {
    buildSync({ ...libBuildOptions(entry), outfile: join(out, `${name}.js`) });
    writeFileSync(join(out, `${name}.d.ts`), `export * from './types/request/${name}';\n`);
  }
}

if (require.main === module) main();
