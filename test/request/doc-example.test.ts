/**
 * @jest-environment node
 */
// The quick-start example of docs/wrapper.md and of the README is the file test/request/doc-example.ts (which
// tsc checks), so the example a consumer copies compiles.
import { readFileSync } from 'fs';
import { join } from 'path';

test.each(['docs/wrapper.md', 'README.md'])("%s's example is doc-example.ts, import path aside", (name) => {
  const doc = readFileSync(join(__dirname, '..', '..', name), 'utf8');
  const block = /```ts\n(import \{ createClient[^\n]*from 'wxerr';[\s\S]*?)```/.exec(doc);
  expect(block).not.toBeNull();
  const file = readFileSync(join(__dirname, 'doc-example.ts'), 'utf8');
  const code = file.slice(file.indexOf('import {'));
  expect(code).toBe(
    (block as RegExpExecArray)[1]
      .replace("from 'wxerr';", "from '../../request';")
      .replace(/from 'wxerr\//g, "from '../../request/"),
  );
});
