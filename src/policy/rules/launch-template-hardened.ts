/** LZ-ASG1: EC2 launch templates require IMDSv2, keep metadata on the host, encrypt volumes and name no key pair. */
import { asList, block, isTrue } from "../stack.js";
import { outcomeOf, type PolicyRule } from "../types.js";

/**
 * `aws_launch_template`: `metadata_options.http_tokens = "required"` (IMDSv2 only), `http_endpoint` not disabled
 * only when set, `http_put_response_hop_limit` at most 2 (1 unless containers on the host need the metadata,
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html), every EBS
 * block device `encrypted`, and no `key_name` (shell access is Session Manager).
 */
export const launchTemplateHardened: PolicyRule = {
  id: "LZ-ASG1",
  level: "error",
  title: "Launch templates require IMDSv2 (hop limit ≤ 2), encrypt every EBS volume and name no SSH key pair",
  rationale:
    "IMDSv1 lets a server-side request forgery read the instance role's credentials; unencrypted volumes and snapshots leak data; a key pair is a long-lived shell credential outside IAM.",
  sources: ["FSBP EC2.8", "FSBP AutoScaling.3", "FSBP AutoScaling.5", "CKV_AWS_79", "CKV_AWS_341", "CKV_AWS_8"],
  resourceTypes: ["aws_launch_template"],
  check: (r) => {
    const problems: string[] = [];
    const md = block(r.body.metadata_options);
    if (md?.http_tokens !== "required")
      problems.push('metadata_options.http_tokens is not "required", so IMDSv1 answers without a token. Set httpTokens: "required"');
    const hops = Number(md?.http_put_response_hop_limit ?? 1);
    if (hops > 2)
      problems.push(
        `metadata_options.http_put_response_hop_limit is ${hops}: tokens travel past the host. Set httpPutResponseHopLimit: 1 (2 only for containers on the host)`,
      );
    asList<Record<string, unknown>>(r.body.block_device_mappings).forEach((m, i) => {
      const ebs = block(m.ebs);
      if (ebs && !isTrue(ebs.encrypted))
        problems.push(`block_device_mappings[${i}].ebs is not encrypted. Set encrypted: "true" and kmsKeyId to the account's data key`);
    });
    if (r.body.key_name !== undefined) problems.push("key_name gives SSH access with a key pair. Remove it and use Session Manager");
    return outcomeOf(problems);
  },
};
