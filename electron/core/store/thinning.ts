/**
 * Which old revisions to drop so a form's history does not grow without bound: every
 * revision of the last 24 hours stays, older ones keep only the last of each calendar day
 * (local time, as the user thinks of days). The newest revision always stays.
 */
export const KEEP_ALL_WITHIN_MS = 24 * 60 * 60 * 1000;

export interface RevisionStamp {
  revision: number;
  savedAt: string;
}

const localDay = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
};

export function revisionsToDrop(revisions: readonly RevisionStamp[], now: Date): number[] {
  if (revisions.length === 0) return [];
  const cutoff = now.getTime() - KEEP_ALL_WITHIN_MS;
  const newest = Math.max(...revisions.map((r) => r.revision));
  const lastOfDay = new Map<string, number>();
  for (const r of revisions) {
    const day = localDay(r.savedAt);
    if ((lastOfDay.get(day) ?? -Infinity) < r.revision) lastOfDay.set(day, r.revision);
  }
  const keep = new Set(lastOfDay.values());
  return revisions
    .filter((r) => r.revision !== newest && Date.parse(r.savedAt) < cutoff && !keep.has(r.revision))
    .map((r) => r.revision)
    .sort((a, b) => a - b);
}
