// Tables of measured quality and cost: printed only on request (TEST_REPORTS=1), so a passing run stays quiet.

export const reportsRequested = process.env.TEST_REPORTS === '1';

export function printReport(rows: unknown): void {
  if (reportsRequested) console.table(rows);
}
