// Code that runs on phones must not use regex lookbehind: iOS JavaScriptCore before 16.4 rejects it when the
// module is parsed, so one such pattern fails the whole page. ESLint catches regex literals; this also catches
// patterns built from strings (new RegExp, String.raw) and the generated files.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

test('no lookbehind in miniprogram/ or request/', () => {
  const files = [...tsFiles(join(ROOT, 'miniprogram')), ...tsFiles(join(ROOT, 'request'))];
  expect(files.length).toBeGreaterThan(50);
  const offenders = files.filter((file) => /\(\?<[=!]/.test(readFileSync(file, 'utf8')));
  expect(offenders.map((f) => f.slice(ROOT.length + 1))).toEqual([]);
});
