/** LZ-ECS3: secret-like environment variables come from Secrets Manager or SSM, not plain text. */
import { asList } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";
import { containerName, containersOf } from "./ecs-containers.js";

/** Environment variable names that look like credentials. */
export const SECRET_LIKE_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)/i;

/**
 * No container's `environment` has a name matching {@link SECRET_LIKE_NAME}; such values go in
 * `secrets` (valueFrom a Secrets Manager secret or SSM parameter,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html).
 */
export const ecsNoPlaintextSecrets: PolicyRule = {
  id: "LZ-ECS3",
  level: "error",
  title: "ECS containers get secret-like variables from secrets, not from plain-text environment",
  rationale: "Plain-text environment values are visible to anyone who can describe the task definition, and land in state and logs.",
  sources: ["FSBP ECS.8", "CKV_AWS_334"],
  resourceTypes: ["aws_ecs_task_definition"],
  check: (r) => {
    const containers = containersOf(r);
    if (!containers) return NOT_APPLICABLE;
    return outcomeOf(
      containers.flatMap((c) =>
        asList<Record<string, unknown>>(c.environment)
          .map((e) => String(e.name))
          .filter((n) => SECRET_LIKE_NAME.test(n))
          .map((n) => `container ${containerName(c)} sets ${n} in plain text. Move it to secrets (valueFrom a Secrets Manager secret)`),
      ),
    );
  },
};
