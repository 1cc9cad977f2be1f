// The upload's tally, and the one status line a person at a terminal sees while it runs.
import type { CommandIo } from './io.ts';

/** Redrawing more often than this only makes the line flicker. */
const redrawEveryMs = 100;

export type Outcome = 'created' | 'revised' | 'unchanged' | 'failed';

export class UploadTally {
  private readonly counts: Record<Outcome, number> = { created: 0, revised: 0, unchanged: 0, failed: 0 };
  private readonly startedAt: number;
  private drawnAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly files: number,
    private readonly status: CommandIo['status'],
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
  }

  get failed(): number {
    return this.counts.failed;
  }

  /** Counts a brief, `filesDone` files being through; a failure redraws at once, under its message. */
  record(outcome: Outcome, filesDone: number): void {
    this.counts[outcome]++;
    const at = this.now();
    if (outcome !== 'failed' && at - this.drawnAt < redrawEveryMs) return;
    this.drawnAt = at;
    this.status?.update(this.line(filesDone));
  }

  /** The last state of the status line, left on the terminal. */
  finish(): void {
    this.status?.update(this.summary());
    this.status?.done();
  }

  private seconds(): number {
    return Math.max(this.now() - this.startedAt, 1) / 1000;
  }

  private sent(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count, 0);
  }

  private line(filesDone: number): string {
    const rate = this.sent() / this.seconds();
    return (
      `uploading: ${filesDone}/${this.files} files, ${this.sent()} briefs, ` +
      `${rate.toFixed(1)} briefs/s, ${this.counts.failed} failed`
    );
  }

  private summary(): string {
    const { created, revised, unchanged, failed } = this.counts;
    return (
      `${this.sent()} briefs from ${this.files} files in ${this.seconds().toFixed(1)} s: ${created} created, ` +
      `${revised} new revisions, ${unchanged} unchanged, ${failed} failed`
    );
  }
}
