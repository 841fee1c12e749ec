/** LZ-KMS1: customer-managed symmetric KMS keys rotate their key material. */
import { COMPLIANT, nonCompliant, NOT_APPLICABLE, type PolicyRule } from "../types.js";
import { isTrue } from "../stack.js";

/**
 * `aws_kms_key.enable_key_rotation = true` (automatic yearly rotation,
 * https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html). Asymmetric and HMAC keys
 * cannot rotate automatically and are not applicable.
 */
export const kmsKeyRotation: PolicyRule = {
  id: "LZ-KMS1",
  level: "error",
  title: "KMS keys have automatic rotation on",
  rationale: "Rotation limits how much data one key version protects and is required by CIS and FSBP.",
  sources: ["FSBP KMS.4", "CIS 3.6", "CKV_AWS_7"],
  resourceTypes: ["aws_kms_key"],
  check: (r) => {
    const spec = r.body.customer_master_key_spec;
    if (spec !== undefined && spec !== "SYMMETRIC_DEFAULT") return NOT_APPLICABLE;
    return isTrue(r.body.enable_key_rotation) ? COMPLIANT : nonCompliant("enable_key_rotation is not true. Set enableKeyRotation: true.");
  },
};
