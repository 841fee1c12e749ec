/** Cases of LZ-DATA4 (DynamoDB tables: customer managed key and point-in-time recovery). */
import { KEY, r, type RuleCase } from "./case.js";

const table = (body: object) => r({ aws_dynamodb_table: { t: { name: "acme-prod-sessions", hash_key: "pk", ...body } } });
const protectedTable = {
  server_side_encryption: { enabled: true, kms_key_arn: KEY },
  point_in_time_recovery: { enabled: true },
};

/** LZ-DATA4 cases. */
export const DYNAMODB_CASES: Readonly<Record<string, readonly RuleCase[]>> = {
  "LZ-DATA4": [
    { name: "a table with the data key and PITR", json: table(protectedTable), address: "aws_dynamodb_table.t", expect: "compliant" },
    {
      name: "a global table whose replica has its own key and PITR",
      json: table({
        ...protectedTable,
        replica: [{ region_name: "eu-central-1", kms_key_arn: "${aws_kms_key.replica.arn}", point_in_time_recovery: true }],
      }),
      address: "aws_dynamodb_table.t",
      expect: "compliant",
    },
    {
      name: "a table with the default encryption",
      json: table({ point_in_time_recovery: { enabled: true } }),
      address: "aws_dynamodb_table.t",
      expect: "non-compliant",
      message: "customer managed key",
    },
    {
      name: "a table under the AWS managed key",
      json: table({
        ...protectedTable,
        server_side_encryption: { enabled: true, kms_key_arn: "arn:aws:kms:eu-west-1:444444444444:alias/aws/dynamodb" },
      }),
      address: "aws_dynamodb_table.t",
      expect: "non-compliant",
      message: "customer managed key",
    },
    {
      name: "a table without PITR",
      json: table({ ...protectedTable, point_in_time_recovery: { enabled: false } }),
      address: "aws_dynamodb_table.t",
      expect: "non-compliant",
      message: "point_in_time_recovery",
    },
    {
      name: "a replica without a key",
      json: table({ ...protectedTable, replica: [{ region_name: "eu-central-1", point_in_time_recovery: true }] }),
      address: "aws_dynamodb_table.t",
      expect: "non-compliant",
      message: "replica in eu-central-1 has no customer managed key",
    },
    {
      name: "a replica without PITR",
      json: table({ ...protectedTable, replica: [{ region_name: "eu-central-1", kms_key_arn: KEY }] }),
      address: "aws_dynamodb_table.t",
      expect: "non-compliant",
      message: "no point-in-time recovery",
    },
  ],
};
