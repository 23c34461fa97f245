// Catalog size and decode time.
import { performance } from 'perf_hooks';
import { decodeCatalog, type PackedCatalog } from '../../miniprogram/core/codec';
import { CATALOG_JSON } from '../../miniprogram/core/generated/catalog-data';

export function run(): void {
  const runs = 20;
  const times: number[] = [];
  let entries = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    entries = decodeCatalog(JSON.parse(CATALOG_JSON) as PackedCatalog).entries.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`entries: ${entries}`);
  console.log(`bundled catalog: ${Buffer.byteLength(CATALOG_JSON)} bytes of JSON`);
  console.log(`parse + decode: median ${times[runs >> 1].toFixed(1)} ms over ${runs} runs`);
}
