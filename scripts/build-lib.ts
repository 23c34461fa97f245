// Builds the npm package's mini-program folder, miniprogram_dist/ (run by `prepare` after
// `tsc -p tsconfig.request.json` has written the declarations to dist/types/, outside the folder 构建 npm
// copies: a mini-program never reads them, TypeScript finds them through package.json):
//   index.js    the core client (`require('wxerr')`), no catalog
//   pay.js, wecom.js, log.js, dedupe.js, session.js, network.js, abort.js, transfer.js, messages.js,
//               retry-after.js, codes.js  opt-in parts of the client
//               (`require('wxerr/pay')`…)
//   explain.js  the optional catalog texts (`require('wxerr/explain')`)
// Each is one CommonJS file, so DevTools "构建 npm" copies the folder as is and a mini-program can require both.
// tsc declares every file the two entries import, the generated catalog too (its data typed as a 650 KB string
// literal); only the declarations the public types reach are kept, so a consumer's miniprogram_npm carries no
// catalog typings.
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

// Run compiled (dist/scripts/) by `prepare`, or from source with ts-node.
export const ROOT = existsSync(join(__dirname, '..', 'package.json'))
  ? join(__dirname, '..')
  : join(__dirname, '..', '..');
const out = join(ROOT, 'miniprogram_dist');
const typesDir = join(ROOT, 'dist', 'types');

/** Syntax every supported base library runs without DevTools' ES5 transform (object spread, async). */
export const LIB_TARGET = 'es2018';

export const ENTRIES = {
  index: 'request/index.ts',
  pay: 'request/pay.ts',
  wecom: 'request/wecom.ts',
  log: 'request/log.ts',
  dedupe: 'request/dedupe.ts',
  session: 'request/session.ts',
  network: 'request/network.ts',
  abort: 'request/abort.ts',
  transfer: 'request/transfer.ts',
  messages: 'request/messages.ts',
  'retry-after': 'request/retry-after.ts',
  codes: 'request/codes.ts',
  explain: 'request/explain.ts',
} as const;

/**
 * How an entry is bundled for mini-programs; the request bench measures sizes with the same options. esbuild
 * writes ES module syntax and toCommonJs turns its one export statement into `module.exports = {…}`: esbuild's
 * own cjs format defines a getter per export through a helper, a fifth of a KB gzipped in the core client.
 */
export function libBuildOptions(entry: string): BuildOptions {
  return {
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: LIB_TARGET,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  };
}

/** A bundle's closing `export { a as name, … };` as one CommonJS exports object (bundles import nothing). */
export function toCommonJs(code: string): string {
  const m = /export\s*\{([^}]*)\};?\s*$/.exec(code);
  const body = m ? code.slice(0, m.index) : code;
  if (/(^|[;}\n])\s*(import|export)\b/.test(body))
    throw new Error('bundle has module syntax left besides its exports');
  const names = m
    ? m[1]
        .split(',')
        .map((s) => s.trim().split(/\s+as\s+/))
        .filter((p) => p[0])
        .map(([local, name = local]) => `${name}:${local}`)
    : [];
  return `${body}module.exports={${names.join(',')}};\n`;
}

/** An entry as the package ships it: bundled, CommonJS (`minify` for the bench's size). */
export function bundleLib(entry: string, minify = false): { code: string; metafile: Metafile } {
  const r = buildSync({ ...libBuildOptions(entry), minify, write: false, metafile: true });
  return { code: toCommonJs(r.outputFiles[0].text), metafile: r.metafile };
}

/** Largest declaration file kept: a bigger one is data typed as a literal (see above). */
const MAX_DTS = 32 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Deletes the declarations under types/ that the entry declarations do not reach through relative imports. */
export function pruneDeclarations(typesDir: string, entries: string[]): string[] {
  const reached = new Set<string>();
  const visit = (file: string): void => {
    if (reached.has(file) || !existsSync(file)) return;
    reached.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g))
      visit(resolve(dirname(file), `${m[1].replace(/\.js$/, '')}.d.ts`));
  };
  entries.forEach(visit);
  const dropped: string[] = [];
  for (const f of filesUnder(typesDir)) {
    if (reached.has(f)) {
      if (statSync(f).size > MAX_DTS)
        throw new Error(`${relative(ROOT, f)} is over ${MAX_DTS} bytes: declare a type`);
    } else {
      rmSync(f);
      dropped.push(relative(ROOT, f));
    }
  }
  return dropped;
}

export function main(): void {
  // Start empty: files of an older layout (declarations used to live here) must not ride along into a tarball.
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const [name, entry] of Object.entries(ENTRIES)) {
    writeFileSync(join(out, `${name}.js`), bundleLib(entry).code);
  }
  if (existsSync(typesDir))
    pruneDeclarations(
      typesDir,
      Object.keys(ENTRIES).map((n) => join(typesDir, 'request', `${n}.d.ts`)),
    );
}

if (require.main === module) main();
