/**
 * The app tier's DynamoDB tables (`app.dynamodbTables`): one {@link DynamodbTable} per entry, encrypted with the data
 * key, and for global-table replicas one KMS key per replica Region, since a replica of a table under a customer
 * managed key needs a key in its own Region
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-replicassespecification.html).
 */
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { Construct } from "constructs";
import type { PolicyStatement } from "../../modules/iam/index.js";
import { DynamodbTable } from "../../modules/database/dynamodb.js";
import { PurposeKmsKey } from "../../modules/encryption/index.js";
import { definedOnly } from "../../util/defined.js";
import type { AppTierProps } from "./props.js";

/** The tables by their config name, in config order. */
export type AppDynamodbTables = Readonly<Record<string, DynamodbTable>>;

/**
 * The tables (`dynamodb-<name>`) and, per replica Region, a replica key (`dynamodb-replica-key-<region>`, alias
 * `<namePrefix>-dynamodb`) through an aliased provider there (`dynamodb-<region>`). Deletion protection and
 * `prevent_destroy` on tables and keys where the environment has `preventDestroy` (prod).
 * @returns the tables by name; empty without `dynamodbTables`.
 */
export function dynamodbTables(scope: Construct, props: AppTierProps): AppDynamodbTables {
  const { env, app, keys } = props;
  const replicaKeys = new Map<string, PurposeKmsKey>();
  const replicaKey = (region: string): PurposeKmsKey => {
    let key = replicaKeys.get(region);
    if (!key) {
      const provider: AwsProvider = props.providerIn(`dynamodb-${region}`, region);
      key = new PurposeKmsKey(scope, `dynamodb-replica-key-${region}`, {
        accountId: env.accountId,
        region,
        partition: env.partition,
        aliasName: `${app.namePrefix}-dynamodb`,
        description: `DynamoDB replicas (${app.namePrefix})`,
        preventDestroy: env.preventDestroy,
        provider,
      });
      replicaKeys.set(region, key);
    }
    return key;
  };
  const tables: Record<string, DynamodbTable> = {};
  for (const t of app.dynamodbTables) {
    tables[t.name] = new DynamodbTable(
      scope,
      `dynamodb-${t.name}`,
      definedOnly({
        tableName: t.tableName,
        partitionKey: t.partitionKey,
        sortKey: t.sortKey,
        billingMode: t.billingMode,
        readCapacity: t.readCapacity,
        writeCapacity: t.writeCapacity,
        ttlAttribute: t.ttlAttribute,
        pointInTimeRecovery: t.pointInTimeRecovery,
        kmsKeyArn: keys.data.keyArn,
        replicas: t.replicaRegions.map((region) => ({ region, kmsKeyArn: replicaKey(region).keyArn })),
        deletionProtection: env.preventDestroy,
        preventDestroy: env.preventDestroy,
      }),
    );
  }
  return tables;
}

/**
 * The task-role statements for the tables: item reads and writes (`GetItem`, `PutItem`, `UpdateItem`, `DeleteItem`,
 * `Query`, `BatchGetItem`, `BatchWriteItem`, `ConditionCheckItem`) on each table and its indexes, no table
 * management and no `Scan`; and the data key through DynamoDB only (`kms:ViaService`), which a table under a
 * customer managed key needs ("Authorizing use of your AWS KMS key",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.usagenotes.html).
 * @returns no statement without tables.
 */
export function dynamodbStatements({ env, keys }: AppTierProps, tables: AppDynamodbTables): PolicyStatement[] {
  const arns = Object.values(tables).flatMap((t) => [t.tableArn, `${t.tableArn}/index/*`]);
  if (arns.length === 0) return [];
  return [
    {
      Sid: "ReadWriteDynamodbItems",
      Effect: "Allow",
      Action: [
        "dynamodb:BatchGetItem",
        "dynamodb:BatchWriteItem",
        "dynamodb:ConditionCheckItem",
        "dynamodb:DeleteItem",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
        "dynamodb:UpdateItem",
      ],
      Resource: arns,
    },
    {
      Sid: "UseDataKeyThroughDynamodb",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: keys.data.keyArn,
      Condition: { StringEquals: { "kms:ViaService": `dynamodb.${env.region}.amazonaws.com` } },
    },
  ];
}

/** `DYNAMODB_TABLE_<NAME>` → table name, for every table (see `AppDynamodbTableModel.envVar`). */
export function dynamodbEnvironment({ app }: AppTierProps, tables: AppDynamodbTables): Record<string, string> {
  return Object.fromEntries(app.dynamodbTables.flatMap((t) => (tables[t.name] ? [[t.envVar, tables[t.name]!.tableName]] : [])));
}
