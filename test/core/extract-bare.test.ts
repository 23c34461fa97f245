// The bare-number scanner is a character loop standing in for a regex (speed); it must find exactly what the
// regex finds, leftmost first, on real text and on the edges of its character classes.
import { forEachBare } from '../../miniprogram/core/extract/numbers';
import { loadExtractFixtures } from '../../bench/data/extract-fixtures';

const BARE = /-?[0-9０-９][0-9０-９OIl|]{4,6}(?![A-Za-z0-9_|])/g;

function both(text: string): [string[], string[]] {
  const want = [...text.matchAll(BARE)].map((m) => `${m.index}:${m[0]}`);
  const got: string[] = [];
  forEachBare(text, (at, raw) => got.push(`${at}:${raw}`));
  return [got, want];
}

describe('forEachBare', () => {
  it('matches the regex on every fixture text', () => {
    for (const f of loadExtractFixtures()) {
      const [got, want] = both(f.text);
      expect(got).toEqual(want);
    }
  });

  it('matches the regex on signs, OCR letters, full-width digits, long runs and what follows', () => {
    for (const text of [
      'x-400011 4OOO1 ４０００１ 1234567890 -12345 40001| 400012a 40001_ --40001 ab-40001',
      '40001-40029 (40001) 40001４ 4000l errcode:4 0 0 1 3 -5040021',
    ]) {
      const [got, want] = both(text);
      expect(got).toEqual(want);
    }
  });
});
