// The learned-weights experiment's parts (bench/learn): the candidates must give back exactly what the rules
// report (else the comparison in docs/extract-history.md section 8 is not of the rules), their evidence must say
// what the text says, and the two models must fit what they are shown.
import { bundledCatalog } from '../../miniprogram/core/catalog';
import { extractCodes } from '../../miniprogram/core/extract';
import { textCandidates } from '../../bench/learn/candidates';
import { clearOfVetoes, countedAt } from '../../bench/learn/vetoes';
import { choose, fitChoice, fitLogistic, probability } from '../../bench/learn/model';
import { labelOf } from '../../bench/data/extract-fixtures';
import { loadTune6 } from '../../bench/data/real/load';

const catalog = bundledCatalog();

describe('bench/learn candidates', () => {
  it('rebuild the rules’ written codes exactly on every tune6 snippet', () => {
    const snippets = loadTune6();
    expect(snippets.length).toBeGreaterThan(100);
    for (const s of snippets) {
      const found = textCandidates(catalog, s.text);
      const rebuilt = new Set([
        ...found.candidates.flatMap((c) => (c.rules ? [c.rules] : [])),
        ...found.otherLabels,
      ]);
      const reported = new Set(
        extractCodes(s.text, { learned: false })
          .codes.filter((c) => !c.inferred)
          .map(labelOf),
      );
      expect({ id: s.id, codes: [...rebuilt].sort() }).toEqual({ id: s.id, codes: [...reported].sort() });
    }
  });

  it('record the evidence and the decision of each number, dropped ones too', () => {
    const text = [
      '微信 {"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest"}',
      '',
      '支付宝 alipay 返回 {"code":"40004","sub_code":"isv.invalid-signature"}',
      '',
      'INFO worker 45009 started',
    ].join('\n');
    const { candidates } = textCandidates(catalog, text);
    const at = (code: string) => candidates.find((c) => c.code === code);
    expect(at('40001')).toMatchObject({ rules: '40001', line: 0 });
    expect(at('40001')?.features).toMatchObject({ 'key:strong': 1, 'key:errcode': 1, 'line:own-errmsg': 1 });
    expect(at('40004')?.features).toMatchObject({ 'ctx:foreign': 1, 'foreign@0': 1 });
    expect(at('40004')?.rules).toBeUndefined();
    expect(at('45009')).toMatchObject({ rulesWhy: 'dropped', line: 4 });
    // The rules' vetoes (docs/extract-history.md §9): another service's number is held, WeChat's keyed one not.
    expect([at('40001')?.vetoed, at('40004')?.vetoed]).toEqual([false, true]);
    expect(at('45009')?.features).toMatchObject({ 'key:strong': 0, 'line:trigger': 0 });
  });
});

describe('bench/learn vetoes', () => {
  // github:binarywang/WxJava#698 (tune4): `最多拉取10000个审批记录`, `不可超过600次/分` are counts.
  it('read a count after a number as a quantity, not 次数 or an errmsg', () => {
    const text = '最多拉取10000个审批记录，调用频率不可超过600次/分。45009次数超限 40001 invalid credential';
    const end = (n: string) => text.indexOf(n) + n.length;
    expect(['10000', '600', '45009', '40001'].map((n) => countedAt(text, end(n)))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('let a client API meaning through only where an API is named or the number lists its family', () => {
    expect(clearOfVetoes({ 'api:named-near': 0 }, 'wxapi', false, false)).toBe(false);
    expect(clearOfVetoes({ 'api:named-near': 1 }, 'wxapi', false, false)).toBe(true);
    expect(clearOfVetoes({ 'shape:listing': 1 }, 'wxapi', false, false)).toBe(true);
    expect(clearOfVetoes({}, '', false, false)).toBe(true);
    expect(clearOfVetoes({}, '', true, false)).toBe(false);
    expect(clearOfVetoes({}, 'wecom', false, true)).toBe(false);
  });
});

describe('bench/learn models', () => {
  it('a logistic regression learns which evidence says yes', () => {
    const examples = [
      ...Array.from({ length: 20 }, () => ({ features: { bias: 1, keyed: 1 } })),
      ...Array.from({ length: 20 }, () => ({ features: { bias: 1, keyed: 0 } })),
    ];
    const w = fitLogistic(
      examples,
      examples.map((e) => e.features.keyed === 1),
    );
    expect(probability(w, { bias: 1, keyed: 1 })).toBeGreaterThan(0.8);
    expect(probability(w, { bias: 1, keyed: 0 })).toBeLessThan(0.2);
  });

  it('a platform choice is made only among the classes allowed', () => {
    const examples = Array.from({ length: 30 }, (_, i) => ({
      features: { bias: 1, wecomNear: i % 2 },
      allowed: ['', 'wecom'] as const,
    }));
    const w = fitChoice(
      ['', 'wecom', 'wxapi'] as const,
      examples,
      examples.map((e) => (e.features.wecomNear ? 'wecom' : '')),
    );
    expect(choose(w, { bias: 1, wecomNear: 1 }, ['', 'wecom'])).toBe('wecom');
    expect(choose(w, { bias: 1, wecomNear: 0 }, ['', 'wecom'])).toBe('');
    expect(choose(w, { bias: 1, wecomNear: 1 }, [''])).toBe('');
  });
});
