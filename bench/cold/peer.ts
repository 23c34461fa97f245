// Cold-start child (see bench/suites/coldstart.ts): the same first answer with fuse.js or minisearch, which
// index every decoded entry before they can answer. `peer <fuse.js|minisearch> <query>`.
/* eslint-disable @typescript-eslint/no-require-imports */
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const [name, query] = process.argv.slice(2);
const { bundledCatalog } =
  require('../../miniprogram/core/catalog') as typeof import('../../miniprogram/core/catalog');
const peers = require('../engines/peers') as typeof import('../engines/peers');
const engine = (name === 'fuse.js' ? peers.fuse : peers.minisearch)();
engine.build(bundledCatalog());
const top = engine.search(query, 20)[0];
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000, top }));

export {};
