/**
 * @jest-environment node
 */
// The quick-start example of docs/wrapper.md is the file test/request/doc-example.ts (which tsc checks).
import { readFileSync } from 'fs';
import { join } from 'path';

test("docs/wrapper.md's example is doc-example.ts, import path aside", () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'wrapper.md'), 'utf8');
  const block = /```ts\n(import \{ createClient[^\n]*from 'wxerr';[\s\S]*?)```/.exec(doc);
  expect(block).not.toBeNull();
  const file = readFileSync(join(__dirname, 'doc-example.ts'), 'utf8');
  const code = file.slice(file.indexOf('import {'));
  expect(code).toBe((block as RegExpExecArray)[1].replace("from 'wxerr';", "from '../../request';"));
});
