// An in-memory BriefStore with the port's semantics (a revision number is taken once), for handler tests; the
// DynamoDB adapter is tested against DynamoDB Local separately.
import type { BriefRevision, BriefStore, Page, RevisionSummary } from '../../functions/core/ports.ts';

export class MemoryBriefStore implements BriefStore {
  readonly stored = new Map<string, BriefRevision[]>();

  async latestRevision(briefId: string) {
    return structuredClone(this.stored.get(briefId)?.at(-1));
  }

  async putRevision(revision: BriefRevision) {
    const stored = this.stored.get(revision.briefId) ?? [];
    if (stored.some((existing) => existing.revision === revision.revision)) return 'taken' as const;
    this.stored.set(revision.briefId, [...stored, structuredClone(revision)]);
    return 'stored' as const;
  }

  async getRevision(briefId: string, revision: number) {
    return structuredClone(this.stored.get(briefId)?.find((stored) => stored.revision === revision));
  }

  async revisions(briefId: string, options: { limit: number; before?: number }) {
    const below = (this.stored.get(briefId) ?? [])
      .filter((stored) => options.before === undefined || stored.revision < options.before)
      .sort((a, b) => b.revision - a.revision);
    const items: RevisionSummary[] = below.slice(0, options.limit).map((stored) => ({
      briefId: stored.briefId,
      revision: stored.revision,
      contentHash: stored.contentHash,
      storedAt: stored.storedAt,
      headline: stored.brief.headline,
      publishedAt: stored.brief.publishedAt,
    }));
    const last = items.at(-1);
    const page: Page<RevisionSummary> = { items };
    return below.length > options.limit && last !== undefined
      ? { ...page, cursor: String(last.revision) }
      : page;
  }
}
