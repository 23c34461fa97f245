// Cold-start child (see bench/suites/coldstart.ts): the floor, loading the bundled data module and parsing
// it, in a fresh process. Prints {"ms": wall, "cpu": CPU ms}.
/* eslint-disable @typescript-eslint/no-require-imports */
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { CATALOG_JSON } = require('../../miniprogram/core/generated/catalog-data') as { CATALOG_JSON: string };
JSON.parse(CATALOG_JSON);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 }));

export {};
