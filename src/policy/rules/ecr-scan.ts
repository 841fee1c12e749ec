/** LZ-ECR1: ECR images are scanned on push. */
import { asList, block, isTrue } from "../stack.js";
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/**
 * `aws_ecr_repository.image_scanning_configuration.scan_on_push = true`, or a registry-wide
 * `aws_ecr_registry_scanning_configuration` (enhanced scanning) with a `SCAN_ON_PUSH` or
 * `CONTINUOUS_SCAN` rule (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html).
 */
export const ecrScan: PolicyRule = {
  id: "LZ-ECR1",
  level: "error",
  title: "ECR repositories scan images on push",
  rationale: "Known-vulnerable images are flagged before they are deployed.",
  sources: ["FSBP ECR.1", "CKV_AWS_163"],
  resourceTypes: ["aws_ecr_repository"],
  check: (r, stack) => {
    if (isTrue(block(r.body.image_scanning_configuration)?.scan_on_push)) return COMPLIANT;
    const registry = stack
      .ofType("aws_ecr_registry_scanning_configuration")
      .some((c) =>
        asList<Record<string, unknown>>(c.body.rule).some((rule) =>
          ["SCAN_ON_PUSH", "CONTINUOUS_SCAN"].includes(String(rule.scan_frequency)),
        ),
      );
    return registry ? COMPLIANT : nonCompliant("scan_on_push is not true. Set imageScanningConfiguration: { scanOnPush: true }.");
  },
};
