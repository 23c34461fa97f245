// Cold-start child (see bench/suites/coldstart.ts): in a fresh process, everything up to wxerr's first
// answer to one query: loading the code and data modules, the catalog, the index, the query.
// `first <query>`. Prints {"ms": wall, "cpu": CPU ms, "top": first id}.
/* eslint-disable @typescript-eslint/no-require-imports */
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { bundledCatalog } =
  require('../../miniprogram/core/catalog') as typeof import('../../miniprogram/core/catalog');
const { search } = require('../../miniprogram/core/search') as typeof import('../../miniprogram/core/search');
const top = search(bundledCatalog(), process.argv[2], { limit: 20 })[0]?.entry.id;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000, top }));

export {};
