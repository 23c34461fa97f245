// The repeated-lines speed path (extract/repeats.ts) gives the answers of the plain passes: texts made of
// repeated fixtures are scanned with it and with it turned off (TextContext never finding repeats), and every
// result must be the same. A text where a marker could span lines, and a text whose lines all differ, check
// that the path is left alone where it must be.
import { extractCodes } from '../../miniprogram/core/extract';
import { TextContext } from '../../miniprogram/core/extract/context';
import { findRepeats } from '../../miniprogram/core/extract/repeats';
import { LineIndex } from '../../miniprogram/core/extract/text';
import { loadExtractFixtures } from '../../bench/data/extract-fixtures';

type WithRepeats = { repeats: () => Int32Array | undefined };
const proto = TextContext.prototype as unknown as WithRepeats;

/** extractCodes with the repeats path on, and with it off. */
function bothWays(text: string): [string, string] {
  const on = JSON.stringify(extractCodes(text));
  const original = proto.repeats;
  proto.repeats = () => undefined;
  try {
    return [on, JSON.stringify(extractCodes(text))];
  } finally {
    proto.repeats = original;
  }
}

/** A text of `times` copies of the lines, blank-line separated every other copy (paragraphs matter). */
const repeated = (text: string, times: number) =>
  Array.from({ length: times }, (_, i) => (i % 2 ? `${text}\n` : text)).join('\n');

describe('repeated lines are read once, with the same answers', () => {
  const fixtures = loadExtractFixtures();

  it('finds repeats only in a text that is mostly repeats', () => {
    const log = repeated(
      fixtures
        .slice(0, 20)
        .map((f) => f.text)
        .join('\n'),
      30,
    );
    const same = findRepeats(log, new LineIndex(log));
    expect(same).toBeDefined();
    const lines = log.split('\n');
    // Each line points at the first line with its text.
    lines.forEach((line, i) => expect(lines[same?.[i] ?? -1]).toBe(line));
    const stamped = lines
      .map((line, i) => `2026-12-01T10:00:${String(i).padStart(6, '0')} ${line}`)
      .join('\n');
    expect(findRepeats(stamped, new LineIndex(stamped))).toBeUndefined();
  });

  it('gives every fixture, repeated into a log, the answers of the plain passes', () => {
    let differing = 0;
    let read = 0;
    for (const [i, f] of fixtures.entries()) {
      const pair = `${f.text}\n${fixtures[(i + 5) % fixtures.length].text}`;
      const text = repeated(pair, Math.ceil(300 / pair.split('\n').length));
      if (findRepeats(text, new LineIndex(text))) read++;
      const [on, off] = bothWays(text);
      if (on !== off) differing++;
    }
    expect(differing).toBe(0);
    // The path was taken for (nearly) every one of them.
    expect(read).toBeGreaterThan(fixtures.length * 0.9);
  });

  it('marks a text whose rid, Pay "detail" or hint id spans a line break the plain way', () => {
    const text = repeated(
      'POST https://api.weixin.qq.com/cgi-bin/token\n{"errcode":40001,"errmsg":"invalid credential rid\n: 6425a1b2-0c3d4e5f-1a2b3c4d"}\n{"code":"PARAM_ERROR","detail"\n: {"field":"/amount"}}\n{"errcode":60020,"errmsg":"not allow to access from your ip, hint: [\n1597733128_47_64fc0123456789abcdef], from ip: 10.0.0.8"}',
      80,
    );
    const [on, off] = bothWays(text);
    expect(on).toBe(off);
    expect(JSON.parse(on).codes.map((c: { code: string }) => c.code)).toContain('40001');
  });
});
