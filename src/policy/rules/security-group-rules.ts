/**
 * Reading the rules of a security group from synthesized JSON, shared by LZ-AWS1 (rule quota) and LZ-AWS2
 * (is an ALB reachable only from CloudFront). Not a rule itself.
 *
 * A security group's rules come from four places: the inline `ingress`/`egress` blocks of
 * `aws_security_group`, and the `aws_vpc_security_group_ingress_rule`, `aws_vpc_security_group_egress_rule`
 * and `aws_security_group_rule` resources whose `security_group_id` refers to it. Each CIDR, referenced
 * security group and prefix list of a rule is one entry here, because that is how AWS counts them
 * ("Security group size", https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-size).
 */
import { contains, parseCidr } from "../../net/cidr.js";
import { asList, isExpression, isTrue, type SynthResource, type SynthStack } from "../stack.js";

/** Inbound or outbound. */
export type RuleDirection = "ingress" | "egress";

/** IP family a rule entry counts against; a referenced security group counts against both (see {@link SecurityGroupRuleEntry}). */
export type IpFamily = "IPv4" | "IPv6";

/** One source or destination of one rule. */
export interface SecurityGroupRuleEntry {
  readonly direction: RuleDirection;
  /** `cidr`, `prefix-list`, or `security-group` (a referenced group or `self`). */
  readonly kind: "cidr" | "prefix-list" | "security-group";
  /** The CIDR, prefix list id or group id as synthesized (often a `${...}` reference). */
  readonly value: string;
  /**
   * Families whose quota the entry uses. A CIDR or prefix list has one. For a referenced security group,
   * AWS documents "counts as one rule" without naming a family, so it is counted against both (conservative).
   */
  readonly families: readonly IpFamily[];
  /** Address of the resource that declares the rule, for messages. */
  readonly declaredBy: string;
}

/** A prefix list as far as the pack can tell from the stack. */
export interface PrefixListInfo {
  /** Its name (`com.amazonaws.global.cloudfront.origin-facing`), when known. */
  readonly name?: string;
  /** How many rules one reference to it counts as; undefined when unknown. */
  readonly weight?: number;
  readonly family: IpFamily;
  /** True for an AWS-managed list (`com.amazonaws.…`). */
  readonly awsManaged: boolean;
}

/**
 * Weights of the AWS-managed prefix lists ("AWS-managed prefix list weight",
 * https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html#aws-managed-prefix-list-weights).
 * `<region>` stands for any Region code.
 */
export const AWS_MANAGED_PREFIX_LIST_WEIGHTS: Readonly<Record<string, number>> = {
  "com.amazonaws.global.cloudfront.origin-facing": 55,
  "com.amazonaws.global.ipv6.cloudfront.origin-facing": 55,
  "com.amazonaws.<region>.dynamodb": 1,
  "com.amazonaws.<region>.ec2-instance-connect": 2,
  "com.amazonaws.<region>.ipv6.ec2-instance-connect": 2,
  "com.amazonaws.global.groundstation": 5,
  "com.amazonaws.<region>.route53-healthchecks": 25,
  "com.amazonaws.<region>.ipv6.route53-healthchecks": 25,
  "com.amazonaws.<region>.s3": 1,
  "com.amazonaws.<region>.s3express": 6,
  "com.amazonaws.<region>.vpc-lattice": 10,
  "com.amazonaws.<region>.ipv6.vpc-lattice": 10,
};

/** Names of CloudFront's origin-facing prefix lists (IPv4 and IPv6). */
export const CLOUDFRONT_ORIGIN_FACING = [
  "com.amazonaws.global.cloudfront.origin-facing",
  "com.amazonaws.global.ipv6.cloudfront.origin-facing",
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WEIGHT_PATTERNS = Object.entries(AWS_MANAGED_PREFIX_LIST_WEIGHTS).map(
  ([name, weight]) => [new RegExp(`^${escapeRegExp(name).replace("<region>", "[a-z0-9-]+")}$`), weight] as const,
);

/** Weight of an AWS-managed prefix list by name, or undefined when the table does not list it. */
export function awsManagedWeight(name: string): number | undefined {
  return WEIGHT_PATTERNS.find(([re]) => re.test(name))?.[1];
}

/** The name a `data.aws_ec2_managed_prefix_list` looks up: its `name`, or a `prefix-list-name` filter with one value. */
function dataSourceName(body: Readonly<Record<string, unknown>>): string | undefined {
  if (typeof body.name === "string" && !isExpression(body.name)) return body.name;
  for (const f of asList<Record<string, unknown>>(body.filter)) {
    const values = asList<unknown>(f.values);
    if (f.name === "prefix-list-name" && values.length === 1 && typeof values[0] === "string") return values[0];
  }
  return undefined;
}

/**
 * What the stack says about the prefix list `value` refers to: an AWS-managed list looked up by name
 * (`data.aws_ec2_managed_prefix_list`, weight from {@link AWS_MANAGED_PREFIX_LIST_WEIGHTS}), or a
 * customer-managed `aws_ec2_managed_prefix_list` (weight = `max_entries`). Anything else (a literal
 * `pl-…` id, a list from another stack) has no known weight.
 */
export function prefixListInfo(value: string, stack: SynthStack): PrefixListInfo {
  const target = stack.resolve(value);
  if (target?.type === "aws_ec2_managed_prefix_list" && target.address.startsWith("data.")) {
    const name = dataSourceName(target.body);
    if (name === undefined) return { family: "IPv4", awsManaged: false };
    const family: IpFamily = name.includes(".ipv6.") ? "IPv6" : "IPv4";
    const weight = awsManagedWeight(name);
    return { name, family, awsManaged: name.startsWith("com.amazonaws."), ...(weight !== undefined ? { weight } : {}) };
  }
  if (target?.type === "aws_ec2_managed_prefix_list") {
    const family: IpFamily = target.body.address_family === "IPv6" ? "IPv6" : "IPv4";
    const max = Number(target.body.max_entries);
    const name = typeof target.body.name === "string" ? target.body.name : target.address;
    return { name, family, awsManaged: false, ...(Number.isInteger(max) && max > 0 ? { weight: max } : {}) };
  }
  return { family: "IPv4", awsManaged: false };
}

const BOTH: readonly IpFamily[] = ["IPv4", "IPv6"];

/** The entries of one rule written in the `aws_security_group` inline / `aws_security_group_rule` shape. */
function classicEntries(rule: Record<string, unknown>, direction: RuleDirection, declaredBy: string, stack: SynthStack) {
  const entries: SecurityGroupRuleEntry[] = [];
  const add = (kind: SecurityGroupRuleEntry["kind"], value: string, families: readonly IpFamily[]) =>
    entries.push({ direction, kind, value, families, declaredBy });
  for (const c of asList<string>(rule.cidr_blocks)) add("cidr", String(c), ["IPv4"]);
  for (const c of asList<string>(rule.ipv6_cidr_blocks)) add("cidr", String(c), ["IPv6"]);
  for (const p of asList<string>(rule.prefix_list_ids)) add("prefix-list", String(p), [prefixListInfo(String(p), stack).family]);
  for (const g of [...asList<string>(rule.security_groups), ...asList<string>(rule.source_security_group_id)])
    add("security-group", String(g), BOTH);
  if (isTrue(rule.self)) add("security-group", "self", BOTH);
  return entries;
}

/** The entries of an `aws_vpc_security_group_{ingress,egress}_rule` (one source each). */
function vpcRuleEntries(rule: SynthResource, direction: RuleDirection, stack: SynthStack): SecurityGroupRuleEntry[] {
  const b = rule.body;
  const one = (kind: SecurityGroupRuleEntry["kind"], value: unknown, families: readonly IpFamily[]): SecurityGroupRuleEntry[] =>
    value === undefined || value === null ? [] : [{ direction, kind, value: String(value), families, declaredBy: rule.address }];
  return [
    ...one("cidr", b.cidr_ipv4, ["IPv4"]),
    ...one("cidr", b.cidr_ipv6, ["IPv6"]),
    ...(b.prefix_list_id !== undefined
      ? one("prefix-list", b.prefix_list_id, [prefixListInfo(String(b.prefix_list_id), stack).family])
      : []),
    ...one("security-group", b.referenced_security_group_id, BOTH),
  ];
}

/** Every rule entry of security group `sg`: inline blocks and the rule resources of the stack that point at it. */
export function securityGroupRuleEntries(sg: SynthResource, stack: SynthStack): SecurityGroupRuleEntry[] {
  const entries: SecurityGroupRuleEntry[] = [];
  for (const direction of ["ingress", "egress"] as const)
    for (const rule of asList<Record<string, unknown>>(sg.body[direction]))
      entries.push(...classicEntries(rule, direction, sg.address, stack));
  for (const rule of stack.referencing("aws_vpc_security_group_ingress_rule", "security_group_id", sg))
    entries.push(...vpcRuleEntries(rule, "ingress", stack));
  for (const rule of stack.referencing("aws_vpc_security_group_egress_rule", "security_group_id", sg))
    entries.push(...vpcRuleEntries(rule, "egress", stack));
  for (const rule of stack.referencing("aws_security_group_rule", "security_group_id", sg)) {
    const direction = rule.body.type === "egress" ? "egress" : "ingress";
    entries.push(...classicEntries(rule.body, direction, rule.address, stack));
  }
  return entries;
}

const PRIVATE_V4 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map(parseCidr);

/**
 * True when a rule's CIDR is certainly not on the internet: an RFC 1918 or shared (100.64.0.0/10) IPv4
 * block, an IPv6 unique local block (fc00::/7), or a reference to a VPC's or subnet's own CIDR. False for
 * public blocks and for expressions the pack cannot read.
 */
export function isInternalCidr(value: string, stack: SynthStack): boolean {
  const target = stack.resolve(value);
  if (target) return target.type === "aws_vpc" || target.type === "aws_subnet" || target.type === "aws_vpc_ipv4_cidr_block_association";
  if (isExpression(value)) return false;
  if (value.includes(":")) return /^f[cd][0-9a-f]{0,2}:/i.test(value);
  try {
    const cidr = parseCidr(value);
    return PRIVATE_V4.some((p) => contains(p, cidr));
  } catch {
    return false;
  }
}

/** The security groups attached to a load balancer (`security_groups` references resolved in the stack). */
export function loadBalancerSecurityGroups(lb: SynthResource, stack: SynthStack): SynthResource[] {
  return asList<unknown>(lb.body.security_groups).flatMap((v) => {
    const sg = stack.resolve(v);
    return sg?.type === "aws_security_group" ? [sg] : [];
  });
}
