// How the benchmarks write their figures: rounded, and in Markdown tables for BENCHMARKS.md.

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export const table = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
