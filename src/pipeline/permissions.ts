/**
 * The policies of the pipeline roles, generated from what the stacks contain (./footprint.ts):
 *
 * - {@link deployRoleStatements}: the deploy role of an account may use every service its stack's resources and
 *   data sources call, at service level (`ec2:*`, `rds:*`, ...), and IAM only through the escalation guard:
 *   roles and policies only by the names the stack gives them, only carrying the landing-zone boundary, only
 *   the managed policies the stack attaches, and service-linked roles only for the services it uses.
 * - ./boundary.ts: the permissions boundary of the deploy role and of every role the stacks create.
 * - ./plan-reads.ts: what a read-only plan reads beyond `ReadOnlyAccess` (secret values, their keys).
 * - ./hub-attachment.ts: the one role per workload that may write in the hub, for its attachment only.
 *
 * Why service level: a stack of some 80 resource types calls several hundred API actions, many of them only on
 * create, update or delete paths the provider takes in some plans; an action-level list could be proven complete
 * only by applying every change in real AWS. Service level follows the stack exactly at the granularity AWS
 * documents per service, and IAM, the one service that can grant rights, is action- and resource-scoped with a
 * permissions boundary, the pattern of "Permissions boundaries for IAM entities"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
 *
 * Pure: no cdktf import. Every function returns statements in a fixed order, so synthesis stays deterministic.
 */
import type { PolicyStatement } from "../modules/iam/policy.js";
import type { AccountFootprint } from "./footprint.js";
import { serviceOfType, servicesOfTypes } from "./service-prefixes.js";

/**
 * Service-linked roles AWS creates on first use of a service, by IAM service namespace; the caller needs
 * `iam:CreateServiceLinkedRole` for them ("Using service-linked roles",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html, and each service's page).
 * A service-linked role's rights are defined by AWS, so allowing its creation grants nothing the caller could shape.
 */
/**
 * The actions that change an existing customer-managed policy or its tags. The deploy role may use them on the
 * policies its stack names; the permissions boundary denies them on the boundary policy itself (boundary.ts).
 */
export const MANAGED_POLICY_CHANGE_ACTIONS: readonly string[] = [
  "iam:CreatePolicyVersion",
  "iam:DeletePolicy",
  "iam:DeletePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:TagPolicy",
  "iam:UntagPolicy",
];

export const SERVICE_LINKED_ROLES: Readonly<Record<string, readonly string[]>> = {
  "access-analyzer": ["access-analyzer.amazonaws.com"],
  "application-autoscaling": ["ecs.application-autoscaling.amazonaws.com"],
  autoscaling: ["autoscaling.amazonaws.com"],
  backup: ["backup.amazonaws.com"],
  config: ["config.amazonaws.com"],
  directconnect: ["directconnect.amazonaws.com"],
  ecs: ["ecs.amazonaws.com"],
  elasticache: ["elasticache.amazonaws.com"],
  elasticloadbalancing: ["elasticloadbalancing.amazonaws.com"],
  guardduty: ["guardduty.amazonaws.com", "malware-protection.guardduty.amazonaws.com"],
  inspector2: ["inspector2.amazonaws.com"],
  "network-firewall": ["network-firewall.amazonaws.com"],
  rds: ["rds.amazonaws.com"],
  securityhub: ["securityhub.amazonaws.com"],
  // AWSShieldServiceRolePolicy: automatic application-layer DDoS mitigation.
  shield: ["shield.amazonaws.com"],
  wafv2: ["wafv2.amazonaws.com"],
};

/** Service-linked roles implied by one resource type rather than a whole service. */
const SERVICE_LINKED_ROLES_BY_TYPE: Readonly<Record<string, string>> = {
  // "Transit gateway service-linked role": created with the first VPC attachment of an account.
  aws_ec2_transit_gateway_vpc_attachment: "transitgateway.amazonaws.com",
  // AWSServiceRoleForCloudFrontVPCOrigin (AWSCloudFrontVPCOriginServiceRolePolicy): created with the first VPC origin,
  // it lets CloudFront manage the network interfaces and security group of VPC origins
  // (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCloudFrontVPCOriginServiceRolePolicy.html).
  aws_cloudfront_vpc_origin: "vpcorigin.cloudfront.amazonaws.com",
};

/** IAM resource types the deploy role's IAM statements cover; any other IAM resource type is an error. */
export const IAM_TYPES_COVERED: readonly string[] = [
  "aws_iam_account_password_policy",
  "aws_iam_instance_profile",
  "aws_iam_policy",
  "aws_iam_role",
  "aws_iam_role_policy",
  "aws_iam_role_policy_attachment",
  "aws_iam_service_linked_role",
];

/** Where the deploy role acts and which boundary every role it creates must carry. */
export interface DeployRoleScope {
  readonly partition: string;
  readonly accountId: string;
  /** ARN of the landing-zone permissions boundary in the account (`iam:PermissionsBoundary` must equal it). */
  readonly boundaryArn: string;
}

const iamArn = (s: { partition: string; accountId: string }, resource: string) => `arn:${s.partition}:iam::${s.accountId}:${resource}`;
const union = (lists: readonly (readonly string[])[]) => [...new Set(lists.flat())].sort();

/**
 * The identity policy of an account's deploy role, from the footprints of its own stack in that account.
 * @throws UnknownResourceTypeError (./service-prefixes.ts) for a type without a service.
 * @throws Error for an IAM resource type the IAM statements do not cover ({@link IAM_TYPES_COVERED}).
 */
export function deployRoleStatements(scope: DeployRoleScope, footprints: readonly AccountFootprint[]): PolicyStatement[] {
  for (const f of footprints) {
    for (const t of [...f.resourceTypes, ...f.dataSourceTypes]) serviceOfType(t, `${f.stack}: ${t}`);
    const uncovered = f.resourceTypes.filter((t) => t.startsWith("aws_iam_") && !IAM_TYPES_COVERED.includes(t));
    if (uncovered.length > 0)
      throw new Error(
        `${f.stack}: the deploy role has no IAM statement for ${uncovered.join(", ")}. Add one to deployRoleStatements in src/pipeline/permissions.ts, scoped by name and boundary like the role statements.`,
      );
  }
  const types = union(footprints.map((f) => [...f.resourceTypes, ...f.dataSourceTypes]));
  const services = servicesOfTypes(types);
  const statements: PolicyStatement[] = [];
  const others = services.filter((s) => s !== "iam" && s !== "sts");
  if (others.length > 0)
    statements.push({ Sid: "ServicesOfTheStack", Effect: "Allow", Action: others.map((s) => `${s}:*`), Resource: "*" });
  statements.push({ Sid: "TerraformIdentity", Effect: "Allow", Action: ["sts:GetCallerIdentity", "tag:GetResources"], Resource: "*" });
  statements.push(...iamStatements(scope, footprints, services, types));
  if (footprints.some((f) => f.organizationTrail))
    statements.push({
      Sid: "OrganizationTrail",
      Effect: "Allow",
      Action: [
        "organizations:DescribeOrganization",
        "organizations:EnableAWSServiceAccess",
        "organizations:ListAWSServiceAccessForOrganization",
        "organizations:ListAccounts",
      ],
      Resource: "*",
    });
  return statements;
}

/** The escalation-guarded IAM statements of {@link deployRoleStatements}. */
function iamStatements(
  scope: DeployRoleScope,
  footprints: readonly AccountFootprint[],
  services: readonly string[],
  types: readonly string[],
) {
  const statements: PolicyStatement[] = [];
  const roleArns = union(footprints.map((f) => f.roleNames)).map((n) => iamArn(scope, `role/${n}`));
  const policyArns = union(footprints.map((f) => f.policyNames)).map((n) => iamArn(scope, `policy/${n}`));
  const slrServices = union(footprints.map((f) => f.serviceLinkedRoleServices));
  const slrArns = slrServices.map((s) => iamArn(scope, `role/aws-service-role/${s}/*`));
  const boundary = { StringEquals: { "iam:PermissionsBoundary": scope.boundaryArn } };
  if (services.includes("iam")) statements.push({ Sid: "ReadIam", Effect: "Allow", Action: ["iam:Get*", "iam:List*"], Resource: "*" });
  if (roleArns.length > 0) {
    statements.push({
      Sid: "WriteStackRolesWithBoundary",
      Effect: "Allow",
      Action: ["iam:CreateRole", "iam:DeleteRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy"],
      Resource: roleArns,
      Condition: boundary,
    });
    const attachable = union([...footprints.map((f) => f.attachedPolicyArns), policyArns]);
    if (attachable.length > 0)
      statements.push({
        Sid: "AttachStackPoliciesWithBoundary",
        Effect: "Allow",
        Action: ["iam:AttachRolePolicy", "iam:DetachRolePolicy"],
        Resource: roleArns,
        Condition: { ...boundary, ArnEquals: { "iam:PolicyARN": attachable } },
      });
    statements.push({
      Sid: "MaintainStackRoles",
      Effect: "Allow",
      Action: [
        "iam:DeleteRole",
        "iam:TagRole",
        "iam:UntagRole",
        "iam:UpdateAssumeRolePolicy",
        "iam:UpdateRole",
        "iam:UpdateRoleDescription",
      ],
      Resource: roleArns,
    });
  }
  const profileArns = union(footprints.map((f) => f.instanceProfileNames ?? [])).map((n) => iamArn(scope, `instance-profile/${n}`));
  if (profileArns.length > 0)
    statements.push({
      Sid: "WriteStackInstanceProfiles",
      Effect: "Allow",
      Action: [
        "iam:AddRoleToInstanceProfile",
        "iam:CreateInstanceProfile",
        "iam:DeleteInstanceProfile",
        "iam:RemoveRoleFromInstanceProfile",
        "iam:TagInstanceProfile",
        "iam:UntagInstanceProfile",
      ],
      Resource: profileArns,
    });
  if (roleArns.length + slrArns.length > 0)
    statements.push({ Sid: "PassStackRoles", Effect: "Allow", Action: "iam:PassRole", Resource: [...roleArns, ...slrArns] });
  if (policyArns.length > 0)
    statements.push({
      Sid: "WriteStackPolicies",
      Effect: "Allow",
      Action: ["iam:CreatePolicy", ...MANAGED_POLICY_CHANGE_ACTIONS],
      Resource: policyArns,
    });
  const linked = union([
    slrServices,
    ...services.map((s) => SERVICE_LINKED_ROLES[s] ?? []),
    types.flatMap((t) => (SERVICE_LINKED_ROLES_BY_TYPE[t] ? [SERVICE_LINKED_ROLES_BY_TYPE[t]] : [])),
    footprints.some((f) => f.organizationTrail) ? ["cloudtrail.amazonaws.com"] : [],
  ]);
  if (linked.length > 0)
    statements.push({
      Sid: "CreateServiceLinkedRoles",
      Effect: "Allow",
      Action: "iam:CreateServiceLinkedRole",
      Resource: iamArn(scope, "role/aws-service-role/*"),
      Condition: { StringEquals: { "iam:AWSServiceName": linked } },
    });
  if (slrArns.length > 0)
    statements.push({
      Sid: "DeleteStackServiceLinkedRoles",
      Effect: "Allow",
      Action: ["iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"],
      Resource: slrArns,
    });
  if (types.includes("aws_iam_account_password_policy"))
    statements.push({
      Sid: "AccountPasswordPolicy",
      Effect: "Allow",
      Action: ["iam:DeleteAccountPasswordPolicy", "iam:UpdateAccountPasswordPolicy"],
      Resource: "*",
    });
  return statements;
}
