// The honest out-of-sample test of docs/extract-history.md section 8: the rules AS THEY WERE before a batch
// landed, against decisions learned from the other batches' labels with the evidence functions of that same
// tree (so nothing written after the batch was seen reaches either side). Unpacks a commit into a directory,
// copies this branch's instrumentation, corpus files and scoring into it, adapts the few helper signatures
// that changed since, and runs validate.ts there.
//
//   npx ts-node --transpile-only bench/learn/at-commit.ts e5ed13d   # rules before tune6
//   npx ts-node --transpile-only bench/learn/at-commit.ts fed73da   # rules before tune5
import { execFileSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '../..');

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** extractCodes of an older tree, split like this branch's: the written-code passes as scanWritten(). */
function exposeScanWritten(text: string): string {
  if (text.includes('export function scanWritten(')) return text;
  const start = text.indexOf('  const index = messageIndex(catalog);\n  const ctx = new TextContext(text);');
  const end = text.indexOf('  const hits = scan.hits;');
  if (start === -1 || end === -1) throw new Error('extract.ts: the passes are not where expected');
  const body = text.slice(start, end);
  // Older trees found the errmsgs after the passes and built Scan without them.
  const passes = body
    .slice(body.indexOf('  scan.keyed();'))
    .replace(/^.*const messages = .*\n/m, '')
    .trimEnd();
  const construct = /^ {2}const scan = new Scan\(.*$/m.exec(body)?.[0] ?? '';
  const fn = [
    'export function scanWritten(text: string, catalog: Catalog) {',
    '  const index = messageIndex(catalog);',
    '  const ctx = new TextContext(text);',
    '  const messages = findMessages(text, ctx);',
    construct,
    passes,
    '  return { ctx, scan, messages };',
    '}',
    '',
    '',
  ].join('\n');
  const call =
    '  const index = messageIndex(catalog);\n  const { ctx, scan, messages } = scanWritten(text, catalog);\n\n';
  const rebuilt = text.slice(0, start) + call + text.slice(end);
  return rebuilt.replace('export function extractCodes(', `${fn}export function extractCodes(`);
}

/** learned.ts against an older tree's helpers (signatures that changed, modules that did not exist yet). */
function adaptLearned(dir: string, file: string): void {
  const extract = join(dir, 'miniprogram/core/extract');
  const declared = readFileSync(join(extract, 'declared.ts'), 'utf8');
  const shapes = readFileSync(join(extract, 'shapes.ts'), 'utf8');
  edit(file, (t) => {
    let s = t.replace(
      'index.pageCodes.has(code)',
      '(index as { pageCodes?: Map<string, RegExp> }).pageCodes?.has(code)',
    );
    if (/declaredCodes\(text: string, lineOf:/.test(declared))
      s = s.replace('declaredCodes(text, lines)', 'declaredCodes(text, (o) => lines.lineOf(o))');
    if (/listings\(text: string\)/.test(shapes)) s = s.replace('listings(lines)', 'listings(text)');
    if (!existsSync(join(extract, 'blocks.ts')))
      s = s
        .replace("import { blockHeads } from './blocks';\n", '')
        .replace('new Set(blockHeads(text, lines).map((h) => h.offset))', 'new Set<number>()');
    const attribute = readFileSync(join(extract, 'attribute.ts'), 'utf8');
    if (!attribute.includes('export function isClientApiCode('))
      // Before client-API indexes: the same questions asked of the catalog and of attributeNumber.
      s = s
        .replace('clientApi, isClientApiCode, ', 'attributeNumber, ')
        .replace(
          'import type { TextContext }',
          [
            "import type { Catalog as OldCatalog } from '../catalog';",
            'const isClientApiCode = (catalog: OldCatalog, code: string) =>',
            "  catalog.lookup(code).some((e) => platformKeyOf(e) === 'wxapi');",
            'const clientApi = (catalog: OldCatalog, code: string, near: string) =>',
            "  attributeNumber(catalog, code, { kind: 'wechat', marker: '' }, near)?.platform === 'wxapi';",
            'import type { TextContext }',
          ].join('\n'),
        );
    if (!readFileSync(join(extract, 'zh.ts'), 'utf8').includes('export function wecomByWording('))
      s = s
        .replace("import { wecomByWording } from './zh';\n", '')
        .replace('wecomByWording(catalog, code, lineText)', 'false');
    if (!existsSync(join(extract, 'markers.ts'))) {
      // Before markers.ts, the marker patterns were private to context.ts (same bits).
      edit(join(extract, 'context.ts'), (c) => `${c}\nexport { markersOf as markersOfForLearn };\n`);
      s = s.replace(
        "import { Marks, markersOf } from './markers';",
        "import { markersOfForLearn as markersOf } from './context';\nconst Marks = { Wechat: 2, Foreign: 4, Wecom: 16 };",
      );
    }
    return s;
  });
}

function main(): void {
  const commit = process.argv[2];
  if (!commit || !/^[0-9a-f]{7,40}$/.test(commit)) {
    console.error('usage: at-commit.ts <commit>');
    process.exit(2);
  }
  const dir = join(tmpdir(), `wxerr-learn-${commit}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['archive', commit], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  cpSync(join(ROOT, 'bench/learn'), join(dir, 'bench/learn'), { recursive: true });
  cpSync(join(ROOT, 'bench/data/real'), join(dir, 'bench/data/real'), { recursive: true });
  cpSync(join(ROOT, 'bench/suites/extract.ts'), join(dir, 'bench/suites/extract.ts'));
  // The fixtures the fits also read (validate.ts loadFixtureBatch), with today's labels and loader.
  for (const f of ['extract-fixtures.ts', 'extract-fixtures.txt', 'extract-fixtures-blind.txt'])
    cpSync(join(ROOT, 'bench/data', f), join(dir, 'bench/data', f));
  edit(join(dir, 'miniprogram/core/extract.ts'), exposeScanWritten);
  const learned = join(dir, 'miniprogram/core/extract/learned.ts');
  cpSync(join(ROOT, 'miniprogram/core/extract/learned.ts'), learned);
  adaptLearned(dir, learned);
  console.log(`rules and evidence of ${commit} (unpacked in ${dir}):`);
  execFileSync('npx', ['ts-node', '--transpile-only', 'bench/learn/validate.ts', ...process.argv.slice(3)], {
    cwd: dir,
    stdio: 'inherit',
  });
}

main();
