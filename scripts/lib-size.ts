// Where the bytes of a library entry go: the shipped bundle (minified, CommonJS, as the request bench measures
// it) cut by its source map into the source file each byte came from. Per file: minified bytes, and the gzip
// bytes the bundle saves without that file's code (its marginal cost: what cutting it would win; the sum is not
// the total, gzip shares context between files).
//   npx ts-node --transpile-only scripts/lib-size.ts [entry…]   (default: every entry but explain)
import { buildSync } from 'esbuild';
import { gzipSync } from 'zlib';
import { ENTRIES, libBuildOptions, toCommonJs } from './build-lib';

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

const gz = (s: string): number => gzipSync(Buffer.from(s), { level: 9 }).length;
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
  const owner = new Int32Array(code.length).fill(-1);
  const segs = decodeMappings(mappings).map(([l, c, s]) => [lineStart[l] + c, s] as const);
  segs.forEach(([at, s], i) => owner.fill(s, at, i + 1 < segs.length ? segs[i + 1][0] : code.length));
  const shipped = toCommonJs(code);
  const total = gz(shipped);
  const files: FileShare[] = sources.map((file, s) => {
    let kept = '';
    let min = 0;
    for (let i = 0; i < code.length; i++) {
      if (owner[i] === s) min += Buffer.byteLength(code[i]);
      else kept += code[i];
    }
    return { file: short(file), min, gz: total - gz(kept) };
  });
  return {
    min: Buffer.byteLength(shipped),
    gz: total,
    files: files.filter((f) => f.min > 0).sort((a, b) => b.gz - a.gz),
  };
}

if (require.main === module) {
  const wanted = process.argv.slice(2);
  const entries = Object.entries(ENTRIES).filter(([n]) =>
    wanted.length ? wanted.includes(n) : n !== 'explain',
  );
  for (const [name, entry] of entries) {
    const b = sizeBreakdown(entry);
    console.log(`${name} (${entry}): ${b.min} B minified, ${b.gz} B minified + gzipped`);
    for (const f of b.files)
      console.log(`  ${f.file.padEnd(36)} ${String(f.min).padStart(6)} min  ${f.gz} gz`);
  }
}
