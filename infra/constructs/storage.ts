// The single table of briefs, figures, observations and changes, with the stream that is the pipeline's outbox.
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { table as tableTopology } from '../topology.ts';

export class Storage extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stringKey = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new Table(this, tableTopology.id, {
      partitionKey: stringKey(tableTopology.partitionKey),
      sortKey: stringKey(tableTopology.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      stream: StreamViewType[tableTopology.streamView],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The sandbox creates its table from the same topology (reasons for each projection given there).
    for (const index of [tableTopology.changeIndex, tableTopology.metricIndex]) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType[index.projection],
      });
    }
  }
}
