// An in-memory BriefStore with the port's semantics (a revision number is taken once), for handler tests; the
// DynamoDB adapter is tested against DynamoDB Local separately.
import type { BriefRevision, BriefStore } from '../../functions/core/ports.ts';

export class MemoryBriefStore implements BriefStore {
  readonly revisions = new Map<string, BriefRevision[]>();

  async latestRevision(briefId: string) {
    return structuredClone(this.revisions.get(briefId)?.at(-1));
  }

  async putRevision(revision: BriefRevision) {
    const stored = this.revisions.get(revision.briefId) ?? [];
    if (stored.some((existing) => existing.revision === revision.revision)) return 'taken' as const;
    this.revisions.set(revision.briefId, [...stored, structuredClone(revision)]);
    return 'stored' as const;
  }

  async getRevision(briefId: string, revision: number) {
    return structuredClone(this.revisions.get(briefId)?.find((stored) => stored.revision === revision));
  }
}
