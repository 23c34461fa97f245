// Cold-start child (see bench/suites/coldstart.ts): in a fresh process, everything up to wxerr's first
// answer to one query: loading the code and data modules, the catalog, the index, the query. The prebuilt
// index is loaded as the phone has it once its subpackage has arrived (adapters/search-index.ts).
// `first <query>`. Prints {"ms": wall, "cpu": CPU ms, "top": first id}.
/* eslint-disable @typescript-eslint/no-require-imports */
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { bundledCatalog } =
  require('../../miniprogram/core/catalog') as typeof import('../../miniprogram/core/catalog');
const { installPrebuiltIndex, search } =
  require('../../miniprogram/core/search') as typeof import('../../miniprogram/core/search');
const { SEARCH_INDEX } =
  require('../../miniprogram/subpackages/search-index/search-index') as typeof import('../../miniprogram/subpackages/search-index/search-index');
installPrebuiltIndex(SEARCH_INDEX);
const top = search(bundledCatalog(), process.argv[2], { limit: 20 })[0]?.entry.id;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000, top }));

export {};
