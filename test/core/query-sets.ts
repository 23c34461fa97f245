// The query sets the search tests run over, read from bench/data (tune sides only: the held half of the real
// queries is scored by the integrator alone, numbers only).
import { readFileSync } from 'fs';
import { join } from 'path';

const DATA = join(__dirname, '..', '..', 'bench', 'data');

/** Every query of one bench/data query file. */
export function queriesOf(file: string): string[] {
  const data = JSON.parse(readFileSync(join(DATA, file), 'utf8')) as { queries: { q: string }[] };
  return data.queries.map((c) => c.q);
}

/** The `tune` half of the real queries only. */
export function realTuneQueries(): string[] {
  const data = JSON.parse(readFileSync(join(DATA, 'search-queries-real.json'), 'utf8')) as {
    split: { tune: string[] };
  };
  return data.split.tune;
}
