#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm install` (the prepare script) or `npm run prepare`.
const path = require('path');
let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'cli', 'index.js'));
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('wxerr: the CLI is not compiled yet; run `npm run prepare` in the wxerr folder.\n');
    process.exit(2);
  }
  throw error;
}
cli.run(process.argv.slice(2), cli.nodeIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`wxerr: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
