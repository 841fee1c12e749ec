/**
 * The organization's policies as the config describes them (`awsOrganizations.serviceControlPolicies` and
 * `tagPolicy`), with their defaults resolved: what each guardrail SCP is built from and the OUs each policy is
 * attached to. Both the model (the organization stack) and the quota validator
 * (validate/service-control-policies.ts) call {@link organizationPoliciesOf}, so the documents checked are the
 * documents deployed.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 */
import { hubAttachmentRoleName, permissionsBoundaryName } from "./model.js";
import type { EnvironmentFile, SharedFile } from "./schema/index.js";

/** One statement of an SCP, as the config writes it (the SCP grammar: no Principal, Action or NotAction). */
export type ScpStatementModel = {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
} & ({ readonly Action: string | readonly string[] } | { readonly NotAction: readonly string[] });

/** What the guardrail SCPs are built from (src/modules/organization/scps: `GuardrailInputs`). */
export interface GuardrailsModel {
  readonly organizationName: string;
  readonly partition: string;
  /** The pipeline's deploy role: exempt from `protectLandingZone`. */
  readonly deployRoleName: string;
  /** The break-glass administrator role (`bootstrap.adminRoleName`, else OrganizationAccountAccessRole). */
  readonly adminRoleName: string;
  /** Deploy, plan, apply and hub attachment role names (the last a `*` pattern). */
  readonly roleNames: readonly string[];
  readonly permissionsBoundaryName: string;
  /** The state bucket and the log archive and Config bucket name patterns. */
  readonly bucketNames: readonly string[];
  /** `alias/<org>-*` (every purpose key and the archive key), plus the state key's alias when the bootstrap creates it. */
  readonly kmsAliasPatterns: readonly string[];
  /** `serviceControlPolicies.allowedRegions`, else every Region the config uses plus us-east-1. */
  readonly allowedRegions: readonly string[];
  /** `serviceControlPolicies.additional`, in config order. */
  readonly additional: readonly {
    readonly name: string;
    readonly description: string;
    readonly statements: readonly ScpStatementModel[];
  }[];
}

/** The organization's policies: the guardrails' inputs, the attachments and the tag policy. */
export interface OrganizationPoliciesModel {
  readonly guardrails: GuardrailsModel;
  /**
   * Policy key (`denyLeaveOrganization`, `protectLandingZone`, `denyRootUser`, `regionAllowList`,
   * `additional.<name>`) → the OU paths it is attached to, each once, in the config's OU order.
   */
  readonly attachments: Readonly<Record<string, readonly string[]>>;
  /** The tag policy, when `tagPolicy` is set. */
  readonly tagPolicy?: { readonly tagKeys: readonly string[]; readonly organizationalUnits: readonly string[] };
}

/** Name of the role AWS Organizations creates in every account it creates (`role_name` of created accounts). */
export const ORGANIZATION_ACCESS_ROLE = "OrganizationAccountAccessRole";

/**
 * The {@link OrganizationPoliciesModel} of a config with `organization.awsOrganizations` (undefined without).
 * Defaults: `denyLeaveOrganization`, `protectLandingZone` and `denyRootUser` on every top-level OU,
 * `regionAllowList` on the top-level OUs holding a workload environment's account; allowed Regions: the home,
 * state, hub and environment Regions plus us-east-1 (CloudFront's certificates and WAF, global control planes).
 */
export function organizationPoliciesOf(
  shared: SharedFile,
  environments: readonly EnvironmentFile[],
  partition: string,
): OrganizationPoliciesModel | undefined {
  const org = shared.organization;
  const settings = org.awsOrganizations;
  if (!settings) return undefined;
  const scps = settings.serviceControlPolicies;
  const ous = settings.organizationalUnits;
  const topLevel = ous.filter((ou) => !ou.includes("/"));
  const inOuOrder = (paths: readonly string[]) => ous.filter((ou) => paths.includes(ou));
  const workloadTop = [...new Set(environments.flatMap((e) => (e.account ? [e.account.organizationalUnit.split("/")[0] as string] : [])))];
  const attach = scps?.attach;
  const additional = (scps?.additional ?? []).map((a) => ({
    name: a.name,
    description: a.description,
    statements: a.statements.map((s) => ({
      Sid: s.Sid,
      Effect: s.Effect,
      ...(s.Action !== undefined ? { Action: s.Action } : { NotAction: s.NotAction ?? [] }),
      Resource: s.Resource,
      ...(s.Condition ? { Condition: s.Condition } : {}),
    })),
    attach: a.attach,
  }));
  const attachments: Record<string, readonly string[]> = {
    denyLeaveOrganization: inOuOrder(attach?.denyLeaveOrganization ?? topLevel),
    protectLandingZone: inOuOrder(attach?.protectLandingZone ?? topLevel),
    denyRootUser: inOuOrder(attach?.denyRootUser ?? topLevel),
    regionAllowList: inOuOrder(attach?.regionAllowList ?? workloadTop),
    ...Object.fromEntries(additional.map((a) => [`additional.${a.name}`, inOuOrder(a.attach)])),
  };
  const regions = scps?.allowedRegions ?? [
    org.homeRegion,
    org.state.region,
    shared.networkHub.region,
    ...environments.map((e) => e.region),
    "us-east-1",
  ];
  const stateKeyAlias = /:alias\/(.+)$/.exec(org.state.kmsKeyArn)?.[1];
  return {
    guardrails: {
      organizationName: org.name,
      partition,
      deployRoleName: org.deployRoleName,
      adminRoleName: shared.bootstrap?.adminRoleName ?? ORGANIZATION_ACCESS_ROLE,
      roleNames: [org.deployRoleName, org.github.planRoleName, org.github.applyRoleName, hubAttachmentRoleName(org.deployRoleName, "*")],
      permissionsBoundaryName: permissionsBoundaryName(org.name),
      bucketNames: [
        org.state.bucket,
        ...(shared.adopt.logBucket ? [shared.adopt.logBucket] : []),
        `${org.name}-log-archive-*`,
        `${org.name}-aws-config-*`,
      ],
      kmsAliasPatterns: [
        `alias/${org.name}-*`,
        ...(stateKeyAlias && !stateKeyAlias.startsWith(`${org.name}-`) ? [`alias/${stateKeyAlias}`] : []),
      ],
      allowedRegions: [...new Set(regions)],
      additional: additional.map(({ attach: _attach, ...a }) => a),
    },
    attachments,
    ...(settings.tagPolicy
      ? { tagPolicy: { tagKeys: settings.tagPolicy.tagKeys, organizationalUnits: inOuOrder(settings.tagPolicy.attach ?? topLevel) } }
      : {}),
  };
}
