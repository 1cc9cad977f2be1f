// The briefs this editor published from this browser, newest first, until the API can list an editor's briefs.

const storageKey = 'updates-feed.desk.recent-briefs';
const kept = 20;

export function recentBriefIds(): string[] {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').slice(0, kept) : [];
  } catch {
    return [];
  }
}

export function rememberBrief(id: string): void {
  const ids = [id, ...recentBriefIds().filter((known) => known !== id)].slice(0, kept);
  try {
    localStorage.setItem(storageKey, JSON.stringify(ids));
  } catch {
    // Not remembered: the brief is published all the same.
  }
}
