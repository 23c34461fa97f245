#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm install` (the prepare script) or `npm run prepare`. In a clone without
// a build (or with WXERR_FROM_SOURCE=1, as the tests run it) the TypeScript source runs through ts-node.
const fs = require('fs');
const path = require('path');

function load() {
  const root = path.join(__dirname, '..');
  const built = path.join(root, 'dist', 'cli', 'index.js');
  const source = path.join(root, 'cli', 'index.ts');
  if (fs.existsSync(built) && !process.env.WXERR_FROM_SOURCE) return require(built);
  if (fs.existsSync(source)) {
    try {
      require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.node.json') });
      return require(source);
    } catch (error) {
      if (!error || error.code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  process.stderr.write('wxerr: the CLI is not compiled yet; run `npm run prepare` in the wxerr folder.\n');
  process.exit(2);
}

const cli = load();
cli.run(process.argv.slice(2), cli.nodeIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`wxerr: ${error && error.message ? error.message.split('\n')[0] : String(error)}\n`);
    process.exitCode = 2;
  },
);
