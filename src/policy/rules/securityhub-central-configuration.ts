/** LZ-AWS15: Security Hub central configuration is created in the order AWS accepts it. */
import { block, type SynthResource, type SynthStack } from "../stack.js";
import { NOT_APPLICABLE, outcomeOf, type PolicyRule, type RuleOutcome } from "../types.js";

/** The stack's organization configurations of type CENTRAL. */
const centralConfigurations = (stack: SynthStack): SynthResource[] =>
  stack
    .ofType("aws_securityhub_organization_configuration")
    .filter((c) => block(c.body.organization_configuration)?.configuration_type === "CENTRAL");

/**
 * (a) `aws_securityhub_organization_configuration` with `configuration_type = "CENTRAL"`: central configuration is
 * possible only in the home Region of a finding aggregator, so the stack's `aws_securityhub_finding_aggregator` is
 * created first; and under CENTRAL, AWS fixes `auto_enable` to false and `auto_enable_standards` to NONE (a
 * configuration policy decides both), so any other value fails or differs on every plan
 * (https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html,
 * https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_UpdateOrganizationConfiguration.html).
 * (b) `aws_securityhub_configuration_policy`: a configuration policy can be created only once the organization uses
 * central configuration, so it waits for the stack's CENTRAL organization configuration (not applicable when the
 * stack has none: it is managed elsewhere).
 */
function problems(r: SynthResource, stack: SynthStack): string[] | undefined {
  if (r.type === "aws_securityhub_organization_configuration") {
    if (block(r.body.organization_configuration)?.configuration_type !== "CENTRAL") return undefined;
    const found: string[] = [];
    if (r.body.auto_enable !== false) found.push("auto_enable is not false (AWS sets it to false under central configuration)");
    if (r.body.auto_enable_standards !== "NONE")
      found.push('auto_enable_standards is not "NONE" (a configuration policy enables the standards under central configuration)');
    const aggregators = stack.ofType("aws_securityhub_finding_aggregator");
    if (aggregators.length === 0)
      found.push("the stack has no aws_securityhub_finding_aggregator; central configuration requires one in its home Region");
    else if (!aggregators.some((a) => stack.dependsOn(r, a)))
      found.push(`it does not wait for ${aggregators[0]!.address}, which central configuration requires first; add it to depends_on`);
    return found;
  }
  const central = centralConfigurations(stack);
  if (central.length === 0) return undefined;
  return central.some((c) => stack.dependsOn(r, c))
    ? []
    : [`it does not wait for ${central[0]!.address}: a configuration policy exists only under central configuration; add it to depends_on`];
}

export const securityHubCentralConfiguration: PolicyRule = {
  id: "LZ-AWS15",
  level: "error",
  title: "Security Hub central configuration follows its finding aggregator, and configuration policies follow it",
  rationale:
    "Security Hub refuses central configuration without a finding aggregator in the home Region, and a configuration policy before central configuration; under CENTRAL it fixes auto-enable off and standards NONE.",
  sources: [
    "https://docs.aws.amazon.com/securityhub/latest/userguide/central-configuration-intro.html",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/finding-aggregation.html",
    "https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_UpdateOrganizationConfiguration.html",
  ],
  resourceTypes: ["aws_securityhub_organization_configuration", "aws_securityhub_configuration_policy"],
  check: (r, stack): RuleOutcome => {
    const found = problems(r, stack);
    return found === undefined ? NOT_APPLICABLE : outcomeOf(found.length ? [`${found.join("; ")}. See the security tooling stack`] : []);
  },
};
