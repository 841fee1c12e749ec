/**
 * IAM Identity Center permission sets and group assignments in the management account (or a delegated
 * administrator): one `aws_ssoadmin_permission_set` per set with its AWS managed policies attached, the groups looked
 * up by display name in the identity store (`data "aws_identitystore_group"`), and one
 * `aws_ssoadmin_account_assignment` per group, permission set and account. The instance is enabled by hand (its
 * identity source is chosen there); given no ARN, it is read with `data "aws_ssoadmin_instances"` (an account has at
 * most one organization instance).
 *
 * Assigning a permission set provisions it into the account as an IAM role (`AWSReservedSSO_<name>_<hash>`); a
 * policy attached later needs the set provisioned again, so each assignment is created after its set's policy
 * attachments ("Permission sets", https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html;
 * CreateAccountAssignment, https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreateAccountAssignment.html).
 *
 * Construct ids are Terraform addresses: a permission set is `permission-set-<name>`, an assignment
 * `assignment-<set>-<group>-<account id>`; renaming a set replaces it (a new ARN and new roles in every account).
 */
import { DataAwsIdentitystoreGroup } from "@cdktf/provider-aws/lib/data-aws-identitystore-group";
import { DataAwsSsoadminInstances } from "@cdktf/provider-aws/lib/data-aws-ssoadmin-instances";
import { SsoadminAccountAssignment } from "@cdktf/provider-aws/lib/ssoadmin-account-assignment";
import { SsoadminManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment";
import { SsoadminPermissionSet } from "@cdktf/provider-aws/lib/ssoadmin-permission-set";
import { Fn } from "cdktf";
import { Construct } from "constructs";

/** One permission set. */
export interface IdentityCenterPermissionSet {
  /** Permission set name (1-32 characters of `[\w+=,.@-]`). */
  readonly name: string;
  /** Shown in the AWS access portal (1-700 characters). */
  readonly description: string;
  /** AWS managed policy ARNs, at most 10. */
  readonly managedPolicyArns: readonly string[];
  /** ISO-8601 session duration, `PT1H` to `PT12H`. */
  readonly sessionDuration: string;
}

/** One assignment: `group` (display name) gets `permissionSet` in `accountId`. */
export interface IdentityCenterAssignment {
  readonly group: string;
  readonly permissionSet: string;
  /** 12-digit AWS account id. */
  readonly accountId: string;
}

/** Props of {@link IdentityCenter}. */
export interface IdentityCenterProps {
  /** The existing instance. @default read with `data "aws_ssoadmin_instances"` (its first ARN and identity store) */
  readonly instance?: { readonly instanceArn: string; readonly identityStoreId: string };
  readonly permissionSets: readonly IdentityCenterPermissionSet[];
  /** @default [] */
  readonly assignments?: readonly IdentityCenterAssignment[];
  /** Tags of the permission sets. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Terraform-address-safe form of a name: letters, digits and `-`. */
const slug = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "x";

/** Permission sets and group assignments of an IAM Identity Center instance. */
export class IdentityCenter extends Construct {
  /** ARN of the instance (written, or the `aws_ssoadmin_instances` lookup). */
  readonly instanceArn: string;
  /** Identity store id (written, or the lookup). */
  readonly identityStoreId: string;
  /** The ARN of each permission set, by name. */
  readonly permissionSetArns: Readonly<Record<string, string>>;

  /**
   * @throws Error when an assignment names a permission set that is not in `permissionSets`, a set has no managed
   * policy or more than 10, or two sets share a name (the config refuses each).
   */
  constructor(scope: Construct, id: string, props: IdentityCenterProps) {
    super(scope, id);
    const names = new Set<string>();
    for (const p of props.permissionSets) {
      if (names.has(p.name)) throw new Error(`IdentityCenter: permissionSets has ${p.name} twice`);
      names.add(p.name);
      if (p.managedPolicyArns.length === 0 || p.managedPolicyArns.length > 10)
        throw new Error(`IdentityCenter: permission set ${p.name} needs 1 to 10 managed policies, got ${p.managedPolicyArns.length}`);
    }
    if (props.instance) {
      this.instanceArn = props.instance.instanceArn;
      this.identityStoreId = props.instance.identityStoreId;
    } else {
      const instances = new DataAwsSsoadminInstances(this, "instances", {});
      this.instanceArn = Fn.element(Fn.tolist(instances.arns), 0);
      this.identityStoreId = Fn.element(Fn.tolist(instances.identityStoreIds), 0);
    }
    const arns: Record<string, string> = {};
    const attachments = new Map<string, SsoadminManagedPolicyAttachment[]>();
    for (const p of props.permissionSets) {
      const set = new SsoadminPermissionSet(this, `permission-set-${slug(p.name)}`, {
        instanceArn: this.instanceArn,
        name: p.name,
        description: p.description,
        sessionDuration: p.sessionDuration,
        ...(props.tags && Object.keys(props.tags).length > 0 ? { tags: { ...props.tags } } : {}),
      });
      arns[p.name] = set.arn;
      attachments.set(
        p.name,
        p.managedPolicyArns.map(
          (policy) =>
            new SsoadminManagedPolicyAttachment(
              this,
              `permission-set-${slug(p.name)}-${slug(policy.slice(policy.indexOf(":policy/") + 8))}`,
              {
                instanceArn: this.instanceArn,
                permissionSetArn: set.arn,
                managedPolicyArn: policy,
              },
            ),
        ),
      );
    }
    this.permissionSetArns = arns;
    const groups = new Map<string, DataAwsIdentitystoreGroup>();
    for (const a of props.assignments ?? []) {
      const setArn = arns[a.permissionSet];
      if (!setArn)
        throw new Error(`IdentityCenter: assignment of ${a.group} names permission set ${a.permissionSet}, which is not in permissionSets`);
      let group = groups.get(a.group);
      if (!group) {
        group = new DataAwsIdentitystoreGroup(this, `group-${slug(a.group)}`, {
          identityStoreId: this.identityStoreId,
          alternateIdentifier: { uniqueAttribute: { attributePath: "DisplayName", attributeValue: a.group } },
        });
        groups.set(a.group, group);
      }
      new SsoadminAccountAssignment(this, `assignment-${slug(a.permissionSet)}-${slug(a.group)}-${a.accountId}`, {
        instanceArn: this.instanceArn,
        permissionSetArn: setArn,
        principalId: group.groupId,
        principalType: "GROUP",
        targetId: a.accountId,
        targetType: "AWS_ACCOUNT",
        dependsOn: attachments.get(a.permissionSet) ?? [],
      });
    }
  }
}
