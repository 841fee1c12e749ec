/** LZ-LOG5: CloudTrail trails are multi-Region, validated and KMS-encrypted. */
import { isTrue } from "../stack.js";
import { outcomeOf, type PolicyRule } from "../types.js";

/**
 * `aws_cloudtrail`: `is_multi_region_trail`, `include_global_service_events` (not false),
 * `enable_log_file_validation`, `kms_key_id`, and a CloudWatch Logs group
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html).
 */
export const cloudtrailHardened: PolicyRule = {
  id: "LZ-LOG5",
  level: "error",
  title: "CloudTrail trails are multi-Region, with log file validation, KMS encryption and CloudWatch Logs delivery",
  rationale: "The trail is the audit record auditors ask for; it must cover every Region, be tamper-evident, encrypted and alarmable.",
  sources: [
    "FSBP CloudTrail.1",
    "FSBP CloudTrail.2",
    "FSBP CloudTrail.4",
    "FSBP CloudTrail.5",
    "CIS 3.1",
    "CIS 3.2",
    "CIS 3.5",
    "CKV_AWS_67",
    "CKV_AWS_36",
    "CKV_AWS_35",
  ],
  resourceTypes: ["aws_cloudtrail"],
  check: (r) => {
    const b = r.body;
    const problems: string[] = [];
    if (!isTrue(b.is_multi_region_trail)) problems.push("is_multi_region_trail is not true");
    if (b.include_global_service_events === false) problems.push("include_global_service_events is false");
    if (!isTrue(b.enable_log_file_validation)) problems.push("enable_log_file_validation is not true");
    if (typeof b.kms_key_id !== "string" || b.kms_key_id === "") problems.push("kms_key_id is not set");
    if (typeof b.cloud_watch_logs_group_arn !== "string" || b.cloud_watch_logs_group_arn === "")
      problems.push("cloud_watch_logs_group_arn is not set");
    return outcomeOf(problems.length ? [`${problems.join(", ")}. Use the baseline's AccountTrail`] : []);
  },
};
