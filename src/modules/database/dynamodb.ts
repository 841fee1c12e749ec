/**
 * A DynamoDB table (`aws_dynamodb_table`) of the app tier:
 *
 * - encrypted with a customer managed KMS key (`server_side_encryption { enabled = true, kms_key_arn }`,
 *   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html);
 * - point-in-time recovery (continuous backups, restorable to any second of the last 35 days,
 *   https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html) unless turned off;
 * - deletion protection (`deletion_protection_enabled`) when `deletionProtection` is set, `lifecycle.prevent_destroy`
 *   when `preventDestroy` is;
 * - global-table replicas (version 2019.11.21) as `replica` blocks: they need a stream with `NEW_AND_OLD_IMAGES`
 *   ("Global tables: requirements", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/globaltables.V2.html,
 *   and the `aws_dynamodb_table` `replica` argument), so a table with replicas has `stream_enabled` and that view
 *   type, and one without has no stream. A replica of a table encrypted with a customer managed key needs a key
 *   in the replica's own Region ("The key must be created in the same region as the replica",
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-replicassespecification.html):
 *   the caller passes one per Region (`replicas[].kmsKeyArn`), and each replica has point-in-time recovery too and
 *   carries the table's tags.
 */
import { DynamodbTable as DynamodbTableResource } from "@cdktf/provider-aws/lib/dynamodb-table";
import { Construct } from "constructs";

/** A key attribute: its name and type (`S`, `N` or `B`). */
export interface DynamodbKeyAttribute {
  readonly name: string;
  readonly type: "S" | "N" | "B";
}

/** Props of {@link DynamodbTable}. */
export interface DynamodbTableProps {
  /** `aws_dynamodb_table.name` (3-255 characters, `[a-zA-Z0-9_.-]`). */
  readonly tableName: string;
  readonly partitionKey: DynamodbKeyAttribute;
  /** @default none (a partition key only) */
  readonly sortKey?: DynamodbKeyAttribute;
  /** @default "PAY_PER_REQUEST" */
  readonly billingMode?: "PAY_PER_REQUEST" | "PROVISIONED";
  /** PROVISIONED only: read capacity units. */
  readonly readCapacity?: number;
  /** PROVISIONED only: write capacity units. */
  readonly writeCapacity?: number;
  /** Attribute holding each item's expiry time (epoch seconds). @default none (no TTL) */
  readonly ttlAttribute?: string;
  /** @default true */
  readonly pointInTimeRecovery?: boolean;
  /** Customer managed KMS key of the table, in the table's Region. */
  readonly kmsKeyArn: string;
  /** Global-table replicas, each with a customer managed key in its own Region. @default [] */
  readonly replicas?: readonly { readonly region: string; readonly kmsKeyArn: string }[];
  /** `deletion_protection_enabled`. @default false */
  readonly deletionProtection?: boolean;
  /** `lifecycle.prevent_destroy` on the table. @default false */
  readonly preventDestroy?: boolean;
}

/** The table and what services need to use it: its name and ARN. */
export class DynamodbTable extends Construct {
  /** The `aws_dynamodb_table` resource. */
  readonly table: DynamodbTableResource;
  /** Table name (a token). */
  readonly tableName: string;
  /** Table ARN (a token). */
  readonly tableArn: string;

  constructor(scope: Construct, id: string, p: DynamodbTableProps) {
    super(scope, id);
    const keys = [p.partitionKey, ...(p.sortKey ? [p.sortKey] : [])];
    const replicas = p.replicas ?? [];
    const pitr = p.pointInTimeRecovery ?? true;
    const provisioned = p.billingMode === "PROVISIONED";
    this.table = new DynamodbTableResource(this, "table", {
      name: p.tableName,
      billingMode: p.billingMode ?? "PAY_PER_REQUEST",
      ...(provisioned ? { readCapacity: p.readCapacity ?? 1, writeCapacity: p.writeCapacity ?? 1 } : {}),
      hashKey: p.partitionKey.name,
      ...(p.sortKey ? { rangeKey: p.sortKey.name } : {}),
      attribute: keys.map((k) => ({ name: k.name, type: k.type })),
      serverSideEncryption: { enabled: true, kmsKeyArn: p.kmsKeyArn },
      pointInTimeRecovery: { enabled: pitr },
      ...(p.ttlAttribute ? { ttl: { enabled: true, attributeName: p.ttlAttribute } } : {}),
      deletionProtectionEnabled: p.deletionProtection ?? false,
      ...(replicas.length > 0
        ? {
            streamEnabled: true,
            streamViewType: "NEW_AND_OLD_IMAGES",
            replica: replicas.map((r) => ({
              regionName: r.region,
              kmsKeyArn: r.kmsKeyArn,
              pointInTimeRecovery: pitr,
              propagateTags: true,
            })),
          }
        : {}),
      ...(p.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
    });
    this.tableName = this.table.name;
    this.tableArn = this.table.arn;
  }
}
