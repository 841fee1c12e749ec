/** LZ-ECS2: ECS containers have a read-only root filesystem. */
import { NOT_APPLICABLE, outcomeOf, type PolicyRule } from "../types.js";
import { containerName, containersOf } from "./ecs-containers.js";

/** Every container definition sets `readonlyRootFilesystem: true`; writable paths are volumes. */
export const ecsReadOnlyRoot: PolicyRule = {
  id: "LZ-ECS2",
  level: "error",
  title: "ECS containers have a read-only root filesystem",
  rationale: "An attacker who gets code execution cannot drop tools or alter the image's binaries.",
  sources: ["FSBP ECS.5", "CKV_AWS_336"],
  resourceTypes: ["aws_ecs_task_definition"],
  check: (r) => {
    const containers = containersOf(r);
    if (!containers) return NOT_APPLICABLE;
    return outcomeOf(
      containers
        .filter((c) => c.readonlyRootFilesystem !== true)
        .map(
          (c) =>
            `container ${containerName(c)} has a writable root filesystem. Set readonlyRootFilesystem: true and mount volumes for writable paths`,
        ),
    );
  },
};
