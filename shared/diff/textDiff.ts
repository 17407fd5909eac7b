/**
 * Differences between two texts, for the year-over-year comparison view (last year's 年度目标
 * beside this year's).
 *
 * Myers' O(ND) algorithm in its linear-space form (the "middle snake", divide and conquer),
 * after trimming the common prefix and suffix, which is where most of two yearly texts is.
 * Characters are Unicode code points, so an emoji is never cut in half. A cost bound keeps a
 * diff of two unrelated long texts from freezing the view: past it the diff is taken line by
 * line instead, and past the same bound for lines the whole text is shown as replaced.
 */

export type DiffOpKind = 'equal' | 'insert' | 'delete';

/** One run of text: `equal` is in both, `delete` only in the first, `insert` only in the second. */
export interface DiffOp {
  op: DiffOpKind;
  text: string;
}

/**
 * The cost bound. `maxEditDistance`: most tokens (code points, or lines) inserted plus
 * deleted before giving up — a larger difference is unreadable at that granularity anyway.
 * `maxWork`: most steps (diagonals tried plus matching tokens followed) one diff may take,
 * which bounds time whatever the texts are.
 */
export interface DiffLimits {
  maxEditDistance: number;
  maxWork: number;
}

export const DEFAULT_DIFF_LIMITS: Readonly<DiffLimits> = Object.freeze({ maxEditDistance: 2000, maxWork: 10_000_000 });

/** How fine the diff came out: by character, by line (characters were too costly), or the whole text replaced. */
export type DiffGranularity = 'char' | 'line' | 'whole';

export interface TextDiff {
  ops: DiffOp[];
  granularity: DiffGranularity;
}

/**
 * Ops in text order; no op is empty; adjacent ops differ, and between two `equal` ops a
 * `delete` comes before an `insert`. Joining the `equal` and `delete` texts gives `a`;
 * joining the `equal` and `insert` texts gives `b`.
 */
export function compareTexts(a: string, b: string, limits: Partial<DiffLimits> = {}): TextDiff {
  const bound = { ...DEFAULT_DIFF_LIMITS, ...limits };
  const byChar = diffTokens(codePoints(a), codePoints(b), bound);
  if (byChar) return { ops: byChar, granularity: 'char' };
  return compareLines(a, b, bound);
}

/** Character (code point) diff, falling back to lines, then to a whole replacement, past the cost bound. */
export function diffChars(a: string, b: string, limits: Partial<DiffLimits> = {}): DiffOp[] {
  return compareTexts(a, b, limits).ops;
}

/** Line diff: each line keeps its line break, so texts rebuild exactly. A whole replacement past the cost bound. */
export function diffLines(a: string, b: string, limits: Partial<DiffLimits> = {}): DiffOp[] {
  return compareLines(a, b, { ...DEFAULT_DIFF_LIMITS, ...limits }).ops;
}

function compareLines(a: string, b: string, bound: DiffLimits): TextDiff {
  const ids = new Map<string, number>();
  const byLine = diffTokens(lines(a, ids), lines(b, ids), bound);
  if (byLine) return { ops: byLine, granularity: 'line' };
  return { ops: wholeReplacement(a, b), granularity: 'whole' };
}

function wholeReplacement(a: string, b: string): DiffOp[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const ops: DiffOp[] = [];
  if (a) ops.push({ op: 'delete', text: a });
  if (b) ops.push({ op: 'insert', text: b });
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Tokens: a text as integers (code points, or line numbers in a shared dictionary), with where
// each token starts in the text so that ops are slices of the original strings.

interface Tokens {
  text: string;
  ids: Int32Array;
  /** offsets[i] is where token i starts in text; offsets[ids.length] === text.length. */
  offsets: Int32Array;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A surrogate pair is one token; a lone surrogate is a token of its own. */
function codePoints(text: string): Tokens {
  const ids = new Int32Array(text.length);
  const offsets = new Int32Array(text.length + 1);
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    offsets[n] = i;
    if (isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      ids[n] = text.codePointAt(i)!;
      i += 2;
    } else {
      ids[n] = code;
      i += 1;
    }
    n++;
  }
  offsets[n] = text.length;
  return { text, ids: ids.subarray(0, n), offsets: offsets.subarray(0, n + 1) };
}

/** Lines including their '\n' (a '\r\n' stays inside the line); the last line may have none. */
function lines(text: string, dictionary: Map<string, number>): Tokens {
  const ids: number[] = [];
  const offsets: number[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    const line = text.slice(start, end);
    let id = dictionary.get(line);
    if (id === undefined) {
      id = dictionary.size;
      dictionary.set(line, id);
    }
    ids.push(id);
    offsets.push(start);
    start = end;
  }
  offsets.push(text.length);
  return { text, ids: Int32Array.from(ids), offsets: Int32Array.from(offsets) };
}

// ---------------------------------------------------------------------------------------------
// Myers' diff over tokens

/** A run of tokens: indices into a for equal and delete, into b for insert. */
interface Edit {
  op: DiffOpKind;
  from: number;
  to: number;
}

class OverBudget extends Error {}

interface DiffRun {
  a: Int32Array;
  b: Int32Array;
  /** Half the edit-distance bound: the middle snake is found by then when the distance is within it. */
  maxHalfDistance: number;
  workLeft: number;
  edits: Edit[];
}

/** The ops, or null when the cost bound was reached. */
function diffTokens(a: Tokens, b: Tokens, bound: DiffLimits): DiffOp[] | null {
  const run: DiffRun = {
    a: a.ids,
    b: b.ids,
    maxHalfDistance: Math.ceil(bound.maxEditDistance / 2),
    workLeft: bound.maxWork,
    edits: [],
  };
  try {
    diffRange(run, 0, a.ids.length, 0, b.ids.length);
  } catch (e) {
    if (e instanceof OverBudget) return null;
    throw e;
  }
  return toOps(run.edits, a, b);
}

function emit(run: DiffRun, op: DiffOpKind, from: number, to: number): void {
  if (from < to) run.edits.push({ op, from, to });
}

/** Recursion depth is about log2 of the edit distance: each split halves it. */
function diffRange(run: DiffRun, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const { a, b } = run;
  const prefixStart = aLo;
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    aLo++;
    bLo++;
  }
  emit(run, 'equal', prefixStart, aLo);
  const suffixEnd = aHi;
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
  }

  if (aLo === aHi) emit(run, 'insert', bLo, bHi);
  else if (bLo === bHi) emit(run, 'delete', aLo, aHi);
  else {
    const split = middleSnake(run, aLo, aHi, bLo, bHi);
    if (split === null || (split[0] === aLo && split[1] === bLo) || (split[0] === aHi && split[1] === bHi)) {
      // Nothing in common (or no split that makes progress): the middle is replaced.
      emit(run, 'delete', aLo, aHi);
      emit(run, 'insert', bLo, bHi);
    } else {
      diffRange(run, aLo, split[0], bLo, split[1]);
      diffRange(run, split[0], aHi, split[1], bHi);
    }
  }
  emit(run, 'equal', aHi, suffixEnd);
}

function spend(run: DiffRun, steps: number): void {
  run.workLeft -= steps;
  if (run.workLeft < 0) throw new OverBudget();
}

/**
 * Where an optimal path through the edit graph of a[aLo..aHi) × b[bLo..bHi) crosses its middle,
 * found by searching from both ends at once (Myers 1986, section 4b). Both ranges are non-empty
 * and differ in their first and last tokens. Returns a point (x in a, y in b) to split at, or
 * null when the ranges have nothing in common. V arrays hold the furthest x reached on each
 * diagonal k = x − y; the reverse search measures x and y from the ends.
 */
function middleSnake(run: DiffRun, aLo: number, aHi: number, bLo: number, bHi: number): [number, number] | null {
  const { a, b } = run;
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  // Only diagonals within the distance bound are ever visited, so the arrays need be no wider.
  const vOffset = Math.min(maxD, run.maxHalfDistance + 1);
  const vLength = 2 * vOffset + 2;
  const forward = new Int32Array(vLength).fill(-1);
  const reverse = new Int32Array(vLength).fill(-1);
  forward[vOffset + 1] = 0;
  reverse[vOffset + 1] = 0;
  const delta = n - m;
  // With an odd delta the paths can first meet during a forward step, with an even one during a reverse step.
  const meetForward = delta % 2 !== 0;
  // Diagonals that ran off the grid's edge are skipped from then on.
  let forwardKStart = 0;
  let forwardKEnd = 0;
  let reverseKStart = 0;
  let reverseKEnd = 0;

  for (let d = 0; d < maxD; d++) {
    if (d > run.maxHalfDistance) throw new OverBudget();

    for (let k = -d + forwardKStart; k <= d - forwardKEnd; k += 2) {
      const kIndex = vOffset + k;
      let x = k === -d || (k !== d && forward[kIndex - 1] < forward[kIndex + 1]) ? forward[kIndex + 1] : forward[kIndex - 1] + 1;
      let y = x - k;
      const snakeStart = x;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      spend(run, 1 + x - snakeStart);
      forward[kIndex] = x;
      if (x > n) forwardKEnd += 2;
      else if (y > m) forwardKStart += 2;
      else if (meetForward) {
        const reverseIndex = vOffset + delta - k;
        if (reverseIndex >= 0 && reverseIndex < vLength && reverse[reverseIndex] !== -1 && x >= n - reverse[reverseIndex]) {
          return [aLo + x, bLo + y];
        }
      }
    }

    for (let k = -d + reverseKStart; k <= d - reverseKEnd; k += 2) {
      const kIndex = vOffset + k;
      let x = k === -d || (k !== d && reverse[kIndex - 1] < reverse[kIndex + 1]) ? reverse[kIndex + 1] : reverse[kIndex - 1] + 1;
      let y = x - k;
      const snakeStart = x;
      while (x < n && y < m && a[aHi - 1 - x] === b[bHi - 1 - y]) {
        x++;
        y++;
      }
      spend(run, 1 + x - snakeStart);
      reverse[kIndex] = x;
      if (x > n) reverseKEnd += 2;
      else if (y > m) reverseKStart += 2;
      else if (!meetForward) {
        const forwardIndex = vOffset + delta - k;
        if (forwardIndex >= 0 && forwardIndex < vLength && forward[forwardIndex] !== -1) {
          const forwardX = forward[forwardIndex];
          const forwardY = forwardX - (forwardIndex - vOffset);
          if (forwardX >= n - x) return [aLo + forwardX, bLo + forwardY];
        }
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// From token runs to text ops

/** Merges runs into the documented shape: between equal runs, all deletions, then all insertions. */
function toOps(edits: Edit[], a: Tokens, b: Tokens): DiffOp[] {
  const ops: DiffOp[] = [];
  let deleted = '';
  let inserted = '';
  const flushChanges = () => {
    if (deleted) ops.push({ op: 'delete', text: deleted });
    if (inserted) ops.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const edit of edits) {
    const source = edit.op === 'insert' ? b : a;
    const text = source.text.slice(source.offsets[edit.from], source.offsets[edit.to]);
    if (edit.op === 'delete') deleted += text;
    else if (edit.op === 'insert') inserted += text;
    else {
      flushChanges();
      const last = ops[ops.length - 1];
      if (last?.op === 'equal') last.text += text;
      else ops.push({ op: 'equal', text });
    }
  }
  flushChanges();
  return ops;
}
