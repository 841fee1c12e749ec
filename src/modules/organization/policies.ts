/**
 * The organization's policies and their attachments: one `aws_organizations_policy` per built policy (SCPs from
 * ./scps, the tag policy) and one `aws_organizations_policy_attachment` per OU it is attached to. AWS's
 * FullAWSAccess SCP stays attached everywhere (the guardrails are deny lists on top of it); `lz validate` keeps
 * every OU within 5 SCPs. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_attach.html
 */
import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { ouIdPart } from "./organization.js";

/** One policy and the OU ids it is attached to. */
export interface AttachedPolicyProps {
  /** Construct id part, from the config key (`denyRootUser`, `additional.deny-gamelift`, `tagPolicy`). */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  /** `SERVICE_CONTROL_POLICY` or `TAG_POLICY`. */
  readonly type: "SERVICE_CONTROL_POLICY" | "TAG_POLICY";
  /** The minified JSON document. */
  readonly content: string;
  /** OU path → OU id, one attachment each. */
  readonly targets: ReadonlyMap<string, string>;
}

/** Props of {@link OrganizationPolicies}. */
export interface OrganizationPoliciesProps {
  readonly policies: readonly AttachedPolicyProps[];
  /** The organization resource: its policy types must be enabled before a policy is created. */
  readonly organization: ITerraformDependable;
}

/** The policies and attachments. */
export class OrganizationPolicies extends Construct {
  /** Policy key → its policy resource. */
  readonly policies: ReadonlyMap<string, OrganizationsPolicy>;

  constructor(scope: Construct, id: string, props: OrganizationPoliciesProps) {
    super(scope, id);
    const policies = new Map<string, OrganizationsPolicy>();
    for (const p of props.policies) {
      const idPart = p.key.replace(/[^A-Za-z0-9_-]/g, "_");
      const policy = new OrganizationsPolicy(this, idPart, {
        name: p.name,
        description: p.description,
        type: p.type,
        content: p.content,
        dependsOn: [props.organization],
      });
      for (const [path, targetId] of p.targets)
        new OrganizationsPolicyAttachment(this, `${idPart}-${ouIdPart(path)}`, { policyId: policy.id, targetId });
      policies.set(p.key, policy);
    }
    this.policies = policies;
  }
}
