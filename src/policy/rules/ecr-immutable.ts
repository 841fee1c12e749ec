/** LZ-ECR2: ECR tags are immutable. */
import { COMPLIANT, nonCompliant, type PolicyRule } from "../types.js";

/** `aws_ecr_repository.image_tag_mutability = IMMUTABLE` (or `IMMUTABLE_WITH_EXCLUSION`); AWS defaults to MUTABLE. */
export const ecrImmutable: PolicyRule = {
  id: "LZ-ECR2",
  level: "error",
  title: "ECR repositories have immutable tags",
  rationale: "A mutable tag lets a push silently replace the image a service runs, bypassing review and rollback.",
  sources: ["FSBP ECR.2", "CKV_AWS_51"],
  resourceTypes: ["aws_ecr_repository"],
  check: (r) =>
    String(r.body.image_tag_mutability ?? "MUTABLE").startsWith("IMMUTABLE")
      ? COMPLIANT
      : nonCompliant(
          `image_tag_mutability is ${String(r.body.image_tag_mutability ?? "MUTABLE (the default)")}. Set imageTagMutability: "IMMUTABLE".`,
        ),
};
