// Where the bytes of a library entry go: the shipped bundle (minified, CommonJS, as the request bench measures
// it) cut by its source map into the source file each byte came from. Per file: minified bytes, and the gzip
// bytes the bundle saves without that file's code (its marginal cost: what cutting it would win; the sum is not
// the total, gzip shares context between files). Also the entry as a consumer's upload minifies the shipped
// (unminified) file: miniprogram-ci's own terser with miniprogram-ci's settings.
//   npx ts-node --transpile-only scripts/lib-size.ts [entry…]   (default: every entry but explain)
import { buildSync } from 'esbuild';
import { dirname } from 'path';
import { gzipSync } from 'zlib';
import { ENTRIES, bundleLib, libBuildOptions, toCommonJs } from './build-lib';

export interface FileShare {
  file: string;
  min: number;
  gz: number;
}

export interface SizeBreakdown {
  min: number;
  gz: number;
  files: FileShare[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's mappings as [line, column, source index] per segment (columns in UTF-16 units). */
function decodeMappings(mappings: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  let src = 0;
  mappings.split(';').forEach((line, lineNo) => {
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      col += fields[0];
      if (fields.length > 1) src += fields[1];
      out.push([lineNo, col, fields.length > 1 ? src : -1]);
    }
  });
  return out;
}

export const gz = (s: string): number => gzipSync(Buffer.from(s), { level: 9 }).length;
const short = (f: string): string => f.replace(/^.*?(request|miniprogram)\//, '$1/');

/** The entry's minified bundle, attributed to its source files (bytes no segment maps are "(glue)"). */
export function sizeBreakdown(entry: string): SizeBreakdown {
  const r = buildSync({
    ...libBuildOptions(entry),
    minify: true,
    write: false,
    sourcemap: 'external',
    outfile: 'lib-size.js',
  });
  const map = r.outputFiles.find((f) => f.path.endsWith('.map'));
  const js = r.outputFiles.find((f) => !f.path.endsWith('.map'));
  if (!map || !js) throw new Error(`esbuild gave no source map for ${entry}`);
  const { sources, mappings } = JSON.parse(map.text) as { sources: string[]; mappings: string };
  // Drop the sourceMappingURL comment: the shipped bundle has none.
  const code = js.text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  const lines = code.split('\n');
  const lineStart: number[] = [];
  lines.reduce((at, l) => (lineStart.push(at), at + l.length + 1), 0);
  // Runs of output text, each from one source (-1: no segment maps it).
  const segs = decodeMappings(mappings).map(([l, c, src]) => [lineStart[l] + c, src] as const);
  if (!segs.length || segs[0][0] > 0) segs.unshift([0, -1]);
  const runs = segs.map(([at, src], i) => ({
    text: code.slice(at, i + 1 < segs.length ? segs[i + 1][0] : undefined),
    src,
  }));
  const shipped = toCommonJs(code);
  const total = gz(shipped);
  const files: FileShare[] = sources.map((file, src) => {
    const own = runs.filter((r) => r.src === src);
    const kept = runs
      .filter((r) => r.src !== src)
      .map((r) => r.text)
      .join('');
    return {
      file: short(file),
      min: Buffer.byteLength(own.map((r) => r.text).join('')),
      gz: total - gz(kept),
    };
  });
  return {
    min: Buffer.byteLength(shipped),
    gz: total,
    files: files.filter((f) => f.min > 0).sort((a, b) => b.gz - a.gz),
  };
}

interface Terser {
  minify_sync(code: string, options: object): { code?: string };
}

/**
 * JS as miniprogram-ci's upload ("上传时压缩代码") minifies a mini-program's files: the terser miniprogram-ci
 * depends on (resolved from miniprogram-ci, not a dependency of ours), with its options (toplevel, no comments).
 */
export function uploadMinify(code: string): string {
  const ci = dirname(require.resolve('miniprogram-ci/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const terser = require(require.resolve('terser', { paths: [ci] })) as Terser;
  const out = terser.minify_sync(code, {
    output: { comments: false },
    toplevel: true,
    compress: { drop_console: false, drop_debugger: false },
  }).code;
  if (out === undefined) throw new Error('terser returned no code');
  return out;
}

if (require.main === module) {
  // --json: one object per entry (the breakdown, and the upload-minified code), for tests and tools.
  const json = process.argv.includes('--json');
  const wanted = process.argv.slice(2).filter((a) => a !== '--json');
  const entries = Object.entries(ENTRIES).filter(([n]) =>
    wanted.length ? wanted.includes(n) : n !== 'explain',
  );
  const out: Record<string, SizeBreakdown & { shipped: string; upload: string }> = {};
  for (const [name, entry] of entries) {
    const b = sizeBreakdown(entry);
    const shipped = bundleLib(entry).code;
    const up = uploadMinify(shipped);
    out[name] = { ...b, shipped, upload: up };
    if (json) continue;
    console.log(
      `${name} (${entry}): ${b.min} B minified, ${b.gz} B minified + gzipped; as the upload minifies the ` +
        `shipped file ${Buffer.byteLength(up)} B, ${gz(up)} B gzipped`,
    );
    for (const f of b.files)
      console.log(`  ${f.file.padEnd(36)} ${String(f.min).padStart(6)} min  ${f.gz} gz`);
  }
  if (json) console.log(JSON.stringify(out));
}
