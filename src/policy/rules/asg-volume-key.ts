/**
 * LZ-AWS13: an Auto Scaling group whose launch template encrypts volumes with a customer managed key of the stack
 * can use that key: the key policy admits EC2 Auto Scaling's service-linked role.
 */
import { policyStatements } from "../iam-policy.js";
import { asList, block, type SynthResource, type SynthStack } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";

/** The role EC2 Auto Scaling launches instances with, unless a group names another. */
const ROLE = /:role\/aws-service-role\/autoscaling\.amazonaws\.com\/AWSServiceRoleForAutoScaling$/;

/** True when the key policy's Allow statements name the role (as principal, or by `aws:PrincipalArn`) for `action`. */
function admits(key: SynthResource, stack: SynthStack, action: string): boolean | undefined {
  const statements = policyStatements(key.body.policy, stack);
  if (!statements) return undefined;
  const matches = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`, "i").test(action);
  return statements.some((s) => {
    if (s.effect !== "Allow" || !s.actions.some(matches)) return false;
    const principals = [...(s.principals.AWS ?? []), ...(s.principals["*"] ?? [])];
    if (principals.some((p) => ROLE.test(p))) return true;
    const byCondition = Object.values(s.conditions).some((keys) =>
      Object.entries(keys).some(([k, values]) => k.toLowerCase() === "aws:principalarn" && values.some((v) => ROLE.test(v))),
    );
    return byCondition && principals.includes("*");
  });
}

/**
 * `aws_autoscaling_group` with a `launch_template` of this stack: each EBS `kms_key_id` that is a key of this stack
 * has a policy allowing `AWSServiceRoleForAutoScaling` `kms:GenerateDataKeyWithoutPlaintext`/`kms:Decrypt` use and
 * `kms:CreateGrant`. Without it every launch fails (`Client.InternalError: Client error on launch`) and the group
 * never reaches its desired capacity ("Required AWS KMS key policy for use with encrypted volumes",
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html).
 */
export const asgVolumeKey: PolicyRule = {
  id: "LZ-AWS13",
  level: "error",
  title: "Auto Scaling groups can use the customer managed key of their encrypted volumes",
  rationale:
    "EC2 Auto Scaling launches with its service-linked role, whose permissions exclude customer managed keys; unless the key policy admits it, no instance ever starts.",
  sources: ["https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html"],
  resourceTypes: ["aws_autoscaling_group"],
  check: (r, stack) => {
    const template = stack.resolve(block(r.body.launch_template)?.id);
    if (template?.type !== "aws_launch_template") return NOT_APPLICABLE;
    if (r.body.service_linked_role_arn !== undefined) return NOT_APPLICABLE;
    const keys = asList<Record<string, unknown>>(template.body.block_device_mappings).flatMap((m) => {
      const key = stack.resolve(block(m.ebs)?.kms_key_id);
      return key?.type === "aws_kms_key" ? [key] : [];
    });
    if (keys.length === 0) return NOT_APPLICABLE;
    return outcomeOf(
      keys.flatMap((key) =>
        admits(key, stack, "kms:GenerateDataKeyWithoutPlaintext") === false || admits(key, stack, "kms:CreateGrant") === false
          ? [
              `${key.address} encrypts the volumes of ${template.address}, but its policy does not let AWSServiceRoleForAutoScaling use it and create grants, so every launch fails. Add the two statements of autoScalingKeyStatements() (src/modules/compute/auto-scaling-tier.ts) to the key policy`,
            ]
          : [],
      ),
    );
  },
};
