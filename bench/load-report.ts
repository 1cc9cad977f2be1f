// The load run as Markdown for BENCHMARKS.md.
import { cpus } from 'node:os';
import { round, table } from './format.ts';
import type { LoadBench } from './load.ts';

const money = (usd: number) => (usd >= 10 ? `$${usd.toFixed(0)}` : `$${usd.toFixed(2)}`);

export function markdownForLoad(result: LoadBench): string {
  const verdict = (ok: boolean) => (ok ? 'yes' : '**no**');
  const { lost, doubled, capacity } = result;
  return `${result.briefs} synthetic Chinese briefs (seed ${result.seed}; ${result.figures} figures, ${result.observations} observations over ${result.metrics} metrics) uploaded ${result.concurrency} at a time to a fresh sandbox (data dir under ${result.dataRoot}) with one HTTP subscriber; the machine's load average was ${result.loadAverage.start} at the start and ${result.loadAverage.settled} at the end. Events: ${Object.entries(
    result.events.byType,
  )
    .map(([type, n]) => `${n} ${type}`)
    .join(
      ', ',
    )}; ${result.events.unchangedObservations} observations repeated their metric's value and raised none.

${table(
  ['measure', 'value', 'target'],
  [
    [
      'settled within the timeout',
      result.settled ? 'yes' : '**no**: what follows is a snapshot, "lost" there means not yet processed',
      '',
    ],
    [
      'end to end (first upload → last event delivered)',
      `${result.wallSeconds} s`,
      `≤ 30 s: ${verdict(result.wallSeconds <= 30)}`,
    ],
    [
      'of which uploading / settling after the last upload',
      `${result.uploadSeconds} s / ${result.settleSeconds} s`,
      '',
    ],
    ['throughput', `${result.briefsPerSecond} briefs/s, ${result.figuresPerSecond} figures/s`, ''],
    [
      'CPU seconds until settled: this Node process (sandbox and load) / DynamoDB Local',
      `${result.cpu.nodeSeconds} s / ${result.cpu.childSeconds} s, in ${round(result.uploadSeconds + result.settleSeconds, 1)} s on ${cpus().length} cores; event-loop delay p99 ${result.cpu.eventLoopDelayMs.p99} ms`,
      '',
    ],
    ['upload latency p50 / p95', `${result.uploadMs.p50} / ${result.uploadMs.p95} ms`, ''],
    [
      'upload acknowledged → event on the topic, p50 / p95',
      `${result.ackToTopicMs.p50} / ${result.ackToTopicMs.p95} ms`,
      '',
    ],
    [
      'upload acknowledged → event at the subscriber, p50 / p95',
      `${result.ackToSubscriberMs.p50} / ${result.ackToSubscriberMs.p95} ms`,
      `p95 ≤ 5 s: ${verdict(result.ackToSubscriberMs.p95 <= 5000)}`,
    ],
    [
      'lost',
      `${lost.total} (failed uploads ${lost.failedUploads}, missing observations ${lost.missingObservations} in ${lost.briefsMissingObservations} briefs, changes missing from /changes ${lost.changesNotInLog}, not published ${lost.changesNotPublished}, not delivered ${lost.changesNotDelivered})`,
      `0: ${verdict(lost.total === 0)}`,
    ],
    [
      'doubled',
      `${doubled.total} (in /changes ${doubled.inChangeLog}, in /feed.json ${doubled.inFeed}, observations ${doubled.observations})`,
      `0: ${verdict(doubled.total === 0)}`,
    ],
    [
      'repeated publications / deliveries (allowed: at least once)',
      `${doubled.atTopic} / ${doubled.atSubscriber}`,
      '',
    ],
    [
      'DynamoDB write units per figure',
      `${capacity.writeUnitsPerFigure} (${capacity.writeUnitsPerBrief} per brief)`,
      `≤ 3: ${verdict(capacity.writeUnitsPerFigure <= 3)}`,
    ],
    [
      'of which, by item type written',
      Object.entries(capacity.writeUnitsPerFigureByItemType)
        .map(([itemType, units]) => `${itemType} ${units}`)
        .join(', '),
      '',
    ],
    [
      'DynamoDB read units per figure',
      `${capacity.readUnitsPerFigure} (${capacity.readUnitsPerBrief} per brief)`,
      '',
    ],
    ['cost per million briefs', money(result.cost.totalUsd), ''],
  ],
)}

DynamoDB units by operation and item type (${capacity.source}; "/feed.json" duplicates are checked on its newest 200 items):

${table(
  [
    'operation',
    'calls',
    'table units',
    'index units',
    'failed conditions',
    'estimated units',
    'units per figure',
    'mean ms',
  ],
  capacity.operations.map((tally) => {
    const estimated = tally.failedConditionUnits + tally.minimumQueryUnits;
    return [
      tally.operation,
      tally.calls,
      round(tally.tableUnits, 1),
      round(tally.indexUnits, 1),
      tally.failedConditions,
      round(estimated, 1),
      round((tally.tableUnits + tally.indexUnits + estimated) / Math.max(1, result.figures)),
      tally.meanMs,
    ];
  }),
)}

Items left in the table, and what one write of each costs from its stored size (1 unit per KB; the \`changes\` index, projecting all attributes, costs the item's size again; the keys-only \`metrics\` index, not counted here, one unit when a head is created and none when it is rewritten):

${table(
  ['item type', 'items', 'mean bytes', 'write units per write'],
  capacity.itemTypes.map((type) => [type.itemType, type.items, type.meanBytes, type.writeUnitsPerWrite]),
)}

Cost per million briefs (${result.cost.usage.changes.toFixed(2)} changes and ${(result.figures / result.briefs).toFixed(2)} figures per brief):

${table(
  ['item', 'quantity per million briefs', 'USD'],
  result.cost.lines.map((line) => [
    line.item,
    `${Math.round(line.quantityPerMillionBriefs).toLocaleString('en-US')} ${line.unit}`,
    money(line.usd),
  ]),
)}
| **total** | | **${money(result.cost.totalUsd)}** |

Assumptions:
${result.costAssumptions.map((line) => `- ${line}`).join('\n')}
`;
}
