/** LZ-DATA4: DynamoDB tables are encrypted with a customer managed key and have point-in-time recovery. */
import { asList, block, isTrue } from "../stack.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/** True when `arn` names a customer managed key: set, and not the AWS managed `alias/aws/dynamodb`. */
const customerManaged = (arn: unknown): boolean => typeof arn === "string" && arn !== "" && !arn.includes("alias/aws/");

/**
 * `aws_dynamodb_table`: `server_side_encryption { enabled = true, kms_key_arn = <customer managed key> }` (without a
 * key ARN DynamoDB uses the AWS owned or AWS managed key, whose use cannot be limited by a key policy,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html), `point_in_time_recovery
 * { enabled = true }` (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html),
 * and every `replica` with its own customer managed key (in the replica's Region) and point-in-time recovery.
 */
export const dynamodbCmkPitr: PolicyRule = {
  id: "LZ-DATA4",
  level: "error",
  title: "DynamoDB tables are encrypted with a customer managed key and have PITR",
  rationale:
    "A customer managed key lets the key policy and CloudTrail control and show who reads the items; point-in-time recovery restores a table to any second of the last 35 days after a bad write or delete.",
  sources: ["FSBP DynamoDB.2", "CKV_AWS_28", "CKV_AWS_119"],
  resourceTypes: ["aws_dynamodb_table"],
  check: (r) => {
    const sse = block(r.body.server_side_encryption);
    if (!sse || !isTrue(sse.enabled) || !customerManaged(sse.kms_key_arn))
      return nonCompliant(
        "server_side_encryption does not name a customer managed key. Set server_side_encryption { enabled = true, kms_key_arn = <the data key> }.",
      );
    if (!isTrue(block(r.body.point_in_time_recovery)?.enabled))
      return nonCompliant("point_in_time_recovery is not enabled. Set point_in_time_recovery { enabled = true }.");
    for (const replica of asList<Record<string, unknown>>(r.body.replica)) {
      const region = String(replica.region_name ?? "?");
      if (!customerManaged(replica.kms_key_arn))
        return nonCompliant(`the replica in ${region} has no customer managed key. Set its kms_key_arn to a key in ${region}.`);
      if (!isTrue(replica.point_in_time_recovery))
        return nonCompliant(`the replica in ${region} has no point-in-time recovery. Set its point_in_time_recovery = true.`);
    }
    return COMPLIANT;
  },
};
