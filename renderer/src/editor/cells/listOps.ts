/** Pure list edits used by the indicator cells. */
export function replaceAt<T>(list: readonly T[], i: number, v: T): T[] {
  const out = [...list];
  out[i] = v;
  return out;
}

export function insertAt<T>(list: readonly T[], i: number, items: readonly T[]): T[] {
  return [...list.slice(0, i), ...items, ...list.slice(i)];
}

export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

export function move<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Pasted items go in place of an empty item, after a filled one. */
export function pasteItems<T>(list: readonly T[], i: number, items: readonly T[], isEmpty: (v: T) => boolean): T[] {
  return isEmpty(list[i]) ? [...list.slice(0, i), ...items, ...list.slice(i + 1)] : insertAt(list, i + 1, items);
}
