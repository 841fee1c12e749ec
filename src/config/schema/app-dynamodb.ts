/**
 * The `app.dynamodbTables` list: DynamoDB tables of the app tier, encrypted with the environment's data key,
 * with point-in-time recovery and optional global-table replicas. See docs/app-data.md.
 *
 * Cross-field rules (unique names, replica Regions real and not the environment's own) live in
 * `validate/app.ts`.
 */
import { z } from "zod";

/** Attribute types a DynamoDB key attribute may have: string, number, binary (`AttributeDefinition.AttributeType`). */
export const DYNAMODB_KEY_TYPES = ["S", "N", "B"] as const;

const KEY_NAME_HINT = "Write a key attribute name of 1 to 255 characters, for example pk.";

/** A key attribute (partition or sort key): its name and type. */
export const DynamodbKey = z
  .strictObject({
    name: z.string({ error: KEY_NAME_HINT }).min(1, { error: KEY_NAME_HINT }).max(255, { error: KEY_NAME_HINT }),
    type: z
      .enum(DYNAMODB_KEY_TYPES, { error: "Write the key type as S (string), N (number) or B (binary)." })
      .default("S")
      .meta({ description: "S (string), N (number) or B (binary). @default S" }),
  })
  .meta({
    description:
      "A key attribute: name and type (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeDefinition.html).",
  });

const capacity = (what: string) =>
  z
    .int({ error: `Write ${what} as a whole number of capacity units, for example 5.` })
    .min(1, { error: `Write ${what} of at least 1.` })
    .optional()
    .meta({ description: `PROVISIONED only: ${what} units (required there).` });

const TABLE_NAME_HINT =
  "Write a table name of 3 to 255 characters: letters, digits, _ . and - (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html), for example sessions.";

/** One DynamoDB table. */
export const AppDynamodbTable = z
  .strictObject({
    name: z
      .string({ error: TABLE_NAME_HINT })
      .regex(/^[a-zA-Z0-9_.-]{3,255}$/, { error: TABLE_NAME_HINT })
      .meta({
        description:
          "Table name; the table is <organization>-<environment>-<name> (at most 255 characters in all) and services read it from DYNAMODB_TABLE_<NAME>.",
      }),
    partitionKey: DynamodbKey.meta({ description: "The partition (hash) key." }),
    sortKey: DynamodbKey.optional().meta({ description: "The sort (range) key; leave it out for a partition key only." }),
    billingMode: z
      .enum(["PAY_PER_REQUEST", "PROVISIONED"], { error: "Write billingMode: PAY_PER_REQUEST or billingMode: PROVISIONED." })
      .default("PAY_PER_REQUEST")
      .meta({ description: "PAY_PER_REQUEST (on-demand) or PROVISIONED (needs readCapacity and writeCapacity). @default PAY_PER_REQUEST" }),
    readCapacity: capacity("readCapacity"),
    writeCapacity: capacity("writeCapacity"),
    ttlAttribute: z.string().min(1).max(255).optional().meta({
      description: "Attribute holding each item's expiry time (epoch seconds); DynamoDB deletes expired items. Leave it out for no TTL.",
    }),
    replicaRegions: z
      .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { error: "Write an AWS Region code such as eu-central-1." }))
      .default([])
      .meta({
        description:
          "Regions of global-table replicas (version 2019.11.21), each with its own KMS key there; not the environment's Region. @default []",
      }),
    pointInTimeRecovery: z
      .boolean()
      .default(true)
      .meta({ description: "Point-in-time recovery (continuous backups, 35 days). @default true" }),
  })
  .superRefine((t, ctx) => {
    const provisioned = t.billingMode === "PROVISIONED";
    for (const key of ["readCapacity", "writeCapacity"] as const) {
      if (provisioned && t[key] === undefined)
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `billingMode PROVISIONED needs ${key}. Write ${key}: 5 (or the units you need).`,
        });
      if (!provisioned && t[key] !== undefined)
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `${key} applies only to billingMode PROVISIONED. Leave it out, or write billingMode: PROVISIONED.`,
        });
    }
    if (t.sortKey && t.sortKey.name === t.partitionKey.name)
      ctx.addIssue({
        code: "custom",
        path: ["sortKey", "name"],
        message: "the sort key must differ from the partition key. Write another attribute name.",
      });
  })
  .meta({ description: "A DynamoDB table of the app tier, encrypted with the data key, with point-in-time recovery." });

/** The list under `app.dynamodbTables`. */
export const AppDynamodbTables = z
  .array(AppDynamodbTable)
  .default([])
  .meta({ description: "DynamoDB tables of the app tier; every service may read and write their items. @default [] (none)" });
