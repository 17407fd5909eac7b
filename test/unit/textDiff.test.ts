import { describe, expect, it } from 'vitest';
import { compareTexts, diffChars, diffLines, type DiffOp } from '../../shared/diff/textDiff';

/** mulberry32: a small seeded PRNG, so a failing random case can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sideA = (ops: DiffOp[]) =>
  ops
    .filter((o) => o.op !== 'insert')
    .map((o) => o.text)
    .join('');
const sideB = (ops: DiffOp[]) =>
  ops
    .filter((o) => o.op !== 'delete')
    .map((o) => o.text)
    .join('');
const changed = (ops: DiffOp[]) =>
  [
    ...ops
      .filter((o) => o.op !== 'equal')
      .map((o) => o.text)
      .join(''),
  ].length;

/** The documented shape: rebuilds both texts, no empty op, no two adjacent ops alike, delete before insert. */
function expectWellFormed(ops: DiffOp[], a: string, b: string): void {
  expect(sideA(ops)).toBe(a);
  expect(sideB(ops)).toBe(b);
  ops.forEach((o, i) => {
    expect(o.text).not.toBe('');
    if (i > 0) expect(o.op).not.toBe(ops[i - 1].op);
    if (i > 0 && o.op === 'delete') expect(ops[i - 1].op).toBe('equal');
  });
}

/** No op starts with a low surrogate or ends with a high one: pairs are never split. */
function expectPairsWhole(ops: DiffOp[]): void {
  for (const { text } of ops) {
    expect(/^[\uDC00-\uDFFF]/.test(text)).toBe(false);
    expect(/[\uD800-\uDBFF]$/.test(text)).toBe(false);
  }
}

/** The least number of code points inserted plus deleted, by the textbook LCS table. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) row[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return x.length + y.length - 2 * prev[y.length];
}

describe('diffChars', () => {
  it.each([
    ['', '', []],
    ['', '新增', [{ op: 'insert', text: '新增' }]],
    ['删除', '', [{ op: 'delete', text: '删除' }]],
    ['相同的文字', '相同的文字', [{ op: 'equal', text: '相同的文字' }]],
  ])('%j → %j', (a, b, ops) => {
    expect(diffChars(a, b)).toEqual(ops);
  });

  it.each([
    [
      'start',
      '全年开展培训',
      '计划全年开展培训',
      [
        { op: 'insert', text: '计划' },
        { op: 'equal', text: '全年开展培训' },
      ],
    ],
    [
      'middle',
      '全年开展培训',
      '全年开展专业培训',
      [
        { op: 'equal', text: '全年开展' },
        { op: 'insert', text: '专业' },
        { op: 'equal', text: '培训' },
      ],
    ],
    [
      'end',
      '全年开展培训',
      '全年开展培训2期',
      [
        { op: 'equal', text: '全年开展培训' },
        { op: 'insert', text: '2期' },
      ],
    ],
  ])('inserts at the %s', (_where, a, b, ops) => {
    expect(diffChars(a, b)).toEqual(ops);
    expect(diffChars(b, a)).toEqual(ops.map((o) => (o.op === 'insert' ? { ...o, op: 'delete' } : o)));
  });

  it('puts a replacement as delete then insert', () => {
    expect(diffChars('群众满意度≥90%', '群众满意度≥95%')).toEqual([
      { op: 'equal', text: '群众满意度≥9' },
      { op: 'delete', text: '0' },
      { op: 'insert', text: '5' },
      { op: 'equal', text: '%' },
    ]);
  });

  it('compares a year-on-year 年度目标', () => {
    const a = '目标1：全年开展全民健身赛事活动，打造1项品牌赛事；\n目标2：群众满意度达到90%以上。';
    const b = '目标1：全年开展全民健身赛事活动，打造2项品牌赛事；\n目标2：群众满意度达到95%以上。';
    const ops = diffChars(a, b);
    expectWellFormed(ops, a, b);
    expect(ops.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'delete', text: '1' },
      { op: 'insert', text: '2' },
      { op: 'delete', text: '0' },
      { op: 'insert', text: '5' },
    ]);
  });

  it('never splits an emoji (surrogate pair), even between two emoji sharing a high surrogate', () => {
    // 😀 U+1F600 and 😁 U+1F601 share the high surrogate \uD83D.
    const a = '完成😀培训👍';
    const b = '完成😁培训👍🎉';
    const ops = diffChars(a, b);
    expect(ops).toEqual([
      { op: 'equal', text: '完成' },
      { op: 'delete', text: '😀' },
      { op: 'insert', text: '😁' },
      { op: 'equal', text: '培训👍' },
      { op: 'insert', text: '🎉' },
    ]);
    expectPairsWhole(ops);
  });

  it('keeps a lone surrogate as a token of its own', () => {
    const a = 'a\uD83Db';
    const b = 'ab';
    expect(diffChars(a, b)).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: '\uD83D' },
      { op: 'equal', text: 'b' },
    ]);
  });

  it('rebuilds both texts and is minimal, over 400 seeded random pairs', () => {
    const alphabet = ['目', '标', '培', '训', '人', '次', '1', '0', '%', '≥', '\n', ' ', '😀', '😁', '👍', 'a'];
    const random = prng(20251201);
    const pick = () => alphabet[Math.floor(random() * alphabet.length)];
    const randomText = (max: number) => Array.from({ length: Math.floor(random() * max) }, pick).join('');
    for (let round = 0; round < 400; round++) {
      const a = randomText(40);
      // b: a edited in a few places, or unrelated, so both near and far pairs are covered.
      let b: string;
      if (round % 4 === 0) b = randomText(40);
      else {
        const chars = [...a];
        const edits = Math.floor(random() * 6);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(random() * (chars.length + 1));
          if (random() < 0.5) chars.splice(at, 1);
          else chars.splice(at, 0, randomText(4));
        }
        b = chars.join('');
      }
      const ops = diffChars(a, b);
      expectWellFormed(ops, a, b);
      expectPairsWhole(ops);
      expect(changed(ops), JSON.stringify([a, b])).toBe(editDistance(a, b));
    }
  });

  it('handles two 5,000-character Chinese texts differing in a few places well within its work bound', () => {
    const random = prng(7);
    const hanzi = () => String.fromCharCode(0x4e00 + Math.floor(random() * 2000));
    const a = Array.from({ length: 5000 }, hanzi).join('');
    const chars = [...a];
    chars.splice(4500, 3, '改动后');
    chars.splice(2500, 0, '新增一句话');
    chars.splice(100, 2);
    const b = chars.join('');
    // A work bound of 200,000 steps is far below the default: a few-place diff costs little.
    const { ops, granularity } = compareTexts(a, b, { maxWork: 200_000 });
    expect(granularity).toBe('char');
    expectWellFormed(ops, a, b);
    expect(changed(ops)).toBe(editDistance(a, b));
  });
});

describe('the cost bound', () => {
  it('falls back to lines when characters would cost too much', () => {
    const a = '目标1：开展培训\n目标2：完成验收\n目标3：群众满意\n';
    const b = '目标1：开展培训\n目标2：按期完工\n目标3：群众满意\n';
    expect(compareTexts(a, b).granularity).toBe('char');
    const bounded = compareTexts(a, b, { maxEditDistance: 2 });
    expect(bounded.granularity).toBe('line');
    expect(bounded.ops).toEqual([
      { op: 'equal', text: '目标1：开展培训\n' },
      { op: 'delete', text: '目标2：完成验收\n' },
      { op: 'insert', text: '目标2：按期完工\n' },
      { op: 'equal', text: '目标3：群众满意\n' },
    ]);
  });

  it('falls back to replacing the whole text when lines cost too much too', () => {
    const a = '一\n二\n三\n';
    const b = '四\n五\n六\n';
    const bounded = compareTexts(a, b, { maxWork: 3 });
    expect(bounded).toEqual({
      granularity: 'whole',
      ops: [
        { op: 'delete', text: a },
        { op: 'insert', text: b },
      ],
    });
  });

  it('stays bounded for two completely different 50,000-character texts', () => {
    const random = prng(42);
    const text = (base: number) =>
      Array.from({ length: 50_000 }, (_, i) => (i % 60 === 59 ? '\n' : String.fromCharCode(base + Math.floor(random() * 500)))).join('');
    const a = text(0x4e00);
    const b = text(0x6000);
    const result = compareTexts(a, b);
    expect(result.granularity).not.toBe('char');
    expectWellFormed(result.ops, a, b);
  });

  it('stays bounded when the texts share many tokens yet differ everywhere', () => {
    const a = '甲乙'.repeat(25_000);
    const b = '乙甲丙'.repeat(16_000);
    const result = compareTexts(a, b);
    // One line each, so the line diff is one deleted line and one inserted line.
    expect(result.granularity).toBe('line');
    expectWellFormed(result.ops, a, b);
  });
});

/** Every op starts and ends where a line does, on its side(s). */
function expectLineBoundaries(ops: DiffOp[], a: string, b: string): void {
  const atLineStart = (text: string, at: number) => at === 0 || at === text.length || text[at - 1] === '\n';
  let inA = 0;
  let inB = 0;
  for (const o of ops) {
    if (o.op !== 'insert') inA += o.text.length;
    if (o.op !== 'delete') inB += o.text.length;
    expect(atLineStart(a, inA) && atLineStart(b, inB)).toBe(true);
  }
}

describe('diffLines', () => {
  it('keeps line breaks with their lines, and a last line without one', () => {
    expect(diffLines('甲\n乙\n丙', '甲\n丁\n丙')).toEqual([
      { op: 'equal', text: '甲\n' },
      { op: 'delete', text: '乙\n' },
      { op: 'insert', text: '丁\n' },
      { op: 'equal', text: '丙' },
    ]);
    expect(diffLines('甲\n乙', '甲\n乙\n')).toEqual([
      { op: 'equal', text: '甲\n' },
      { op: 'delete', text: '乙' },
      { op: 'insert', text: '乙\n' },
    ]);
  });

  it('keeps \\r\\n inside the line', () => {
    const ops = diffLines('甲\r\n乙\r\n', '甲\r\n丙\r\n');
    expect(ops).toEqual([
      { op: 'equal', text: '甲\r\n' },
      { op: 'delete', text: '乙\r\n' },
      { op: 'insert', text: '丙\r\n' },
    ]);
  });

  it.each([
    ['', '', []],
    ['', '甲\n', [{ op: 'insert', text: '甲\n' }]],
    ['甲\n', '', [{ op: 'delete', text: '甲\n' }]],
    ['甲\n乙\n', '甲\n乙\n', [{ op: 'equal', text: '甲\n乙\n' }]],
  ])('%j → %j', (a, b, ops) => {
    expect(diffLines(a, b)).toEqual(ops);
  });

  it('rebuilds both texts and is minimal in lines, over 200 seeded random pairs', () => {
    const pool = ['目标1：开展培训\n', '目标2：完成验收\n', '目标3：群众满意\n', '\n', '按月安排\n', '😀\n', '无'];
    const random = prng(99);
    const randomLines = () => Array.from({ length: Math.floor(random() * 12) }, () => pool[Math.floor(random() * pool.length)]);
    for (let round = 0; round < 200; round++) {
      const a = randomLines().join('');
      const b = randomLines().join('');
      const ops = diffLines(a, b);
      expectWellFormed(ops, a, b);
      expectLineBoundaries(ops, a, b); // ops are whole lines…
      const linesOf = (s: string) => s.split(/(?<=\n)/).filter((l) => l !== '');
      const changedLines = ops.filter((o) => o.op !== 'equal').flatMap((o) => linesOf(o.text));
      // …and as few as possible: compare line sequences by mapping each line to one character.
      const ids = new Map<string, string>();
      const asChars = (s: string) =>
        linesOf(s)
          .map((l) => ids.get(l) ?? (ids.set(l, String.fromCharCode(0x4e00 + ids.size)), ids.get(l)!))
          .join('');
      expect(changedLines.length).toBe(editDistance(asChars(a), asChars(b)));
    }
  });
});
