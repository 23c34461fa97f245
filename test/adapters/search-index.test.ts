// The require.async path of the search-index adapter: written as the docs ask (relative to the adapter,
// with .js), it must name the generated index module and lie inside a subpackage declared in app.json.
import { readFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import { GENERATED_INDEX } from '../../catalog/generate';

const MP = join(__dirname, '..', '..', 'miniprogram');
const ADAPTER = join(MP, 'adapters', 'search-index.ts');

test('require.async names the generated index, inside a subpackage of app.json', () => {
  const calls = [...readFileSync(ADAPTER, 'utf8').matchAll(/require\.async\('([^']+)'\)/g)].map((m) => m[1]);
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatch(/^\.\.?\/.+\.js$/);
  const target = join(dirname(ADAPTER), calls[0]);
  expect(target.replace(/\.js$/, '.ts')).toBe(GENERATED_INDEX);
  const app = JSON.parse(readFileSync(join(MP, 'app.json'), 'utf8')) as {
    subPackages?: { root: string; pages: string[] }[];
  };
  const inside = relative(MP, target);
  const owner = app.subPackages?.find((p) => inside.startsWith(`${p.root.replace(/\/$/, '')}/`));
  expect(owner).toBeDefined();
});
