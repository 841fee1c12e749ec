/** LZ-ECS1: no ECS container runs privileged. */
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";
import { containerName, containersOf } from "./ecs-containers.js";

/** No container definition has `privileged: true` (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security). */
export const ecsNoPrivileged: PolicyRule = {
  id: "LZ-ECS1",
  level: "error",
  title: "ECS containers are not privileged",
  rationale: "A privileged container has root on the host; one compromised task then owns the node and its neighbours.",
  sources: ["FSBP ECS.4", "CKV_AWS_97"],
  resourceTypes: ["aws_ecs_task_definition"],
  check: (r) => {
    const containers = containersOf(r);
    if (!containers) return NOT_APPLICABLE;
    return outcomeOf(
      containers.filter((c) => c.privileged === true).map((c) => `container ${containerName(c)} is privileged. Remove privileged: true`),
    );
  },
};
