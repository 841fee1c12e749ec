/**
 * The network: the subnet tiers and the workload VPC of an environment file (`vpc:`), and shared.yaml's
 * `networkHub` (its transit gateway, the on-premises network, and the hub's hybrid connectivity from ./hybrid.ts).
 * Overlaps, host bits and ASN rules: src/config/validate/cidrs.ts and asns.ts; the subnet layout: ../subnet-plan.ts.
 */
import { z } from "zod";
import { AlertSettings } from "./alarms.js";
import { OrganizationAccount } from "./aws-organizations.js";
import { AccountId, Asn, Ipv4Cidr, RegionName } from "./common.js";
import { DnsSettings } from "./dns.js";
import { HybridSettings } from "./hybrid.js";
import { logRetentionDays } from "./log-retention.js";
import { PolicySettings } from "./policy.js";

/**
 * Services with a gateway VPC endpoint: Amazon S3 and DynamoDB, the only two
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html).
 */
export const GATEWAY_ENDPOINT_SERVICES = ["s3", "dynamodb"] as const;

/**
 * Services with an interface VPC endpoint (AWS PrivateLink) the landing zone can add to a workload VPC: the AWS APIs
 * its stacks' workloads call (image pulls from ECR, logs, secrets and parameters, Session Manager, STS, KMS), named
 * as in `com.amazonaws.<region>.<service>`
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html).
 */
export const INTERFACE_ENDPOINT_SERVICES = [
  "ecr.api",
  "ecr.dkr",
  "logs",
  "secretsmanager",
  "ssm",
  "ssmmessages",
  "ec2messages",
  "sts",
  "kms",
] as const;

/** Tiers of subnets in every workload VPC, repeated in every AZ. */
export const SUBNET_TIERS = ["public", "privateApp", "privateData", "transit"] as const;

/**
 * Optional subnet tiers, present only in some VPCs: `firewall` holds the AWS Network Firewall endpoints of an
 * environment with `inspection: per-vpc` (one /28 per AZ, see FIREWALL_SUBNET_PREFIX_LENGTH in subnet-plan.ts).
 */
export const OPTIONAL_SUBNET_TIERS = ["firewall"] as const;

const prefixLength = (tier: string, dflt: number, min: number, max: number) =>
  z
    .int({ error: `Write the ${tier} subnet size as a prefix length, a whole number such as ${dflt}.` })
    .min(min, { error: `A ${tier} subnet prefix length is at least /${min}.` })
    .max(max, { error: `A ${tier} subnet prefix length is at most /${max} (AWS subnets are /16 to /28).` })
    .default(dflt)
    .meta({ description: `Prefix length of each ${tier} subnet (one per AZ). @default ${dflt}` });

/** Sizes of the four subnet tiers, as prefix lengths; each tier gets one subnet per AZ. */
export const SubnetPrefixLengths = z
  .strictObject({
    public: prefixLength("public", 24, 16, 28),
    privateApp: prefixLength("privateApp", 20, 16, 28),
    privateData: prefixLength("privateData", 23, 16, 28),
    // A transit gateway attachment needs only one ENI per AZ; AWS recommends a small dedicated /28.
    transit: prefixLength("transit", 28, 16, 28),
  })
  .meta({ description: "Subnet sizes per tier, as prefix lengths. Space for 3 AZs is always reserved." });

/** The workload VPC of one environment. */
export const WorkloadVpc = z
  .strictObject({
    cidr: Ipv4Cidr.meta({ description: "VPC CIDR: an RFC 1918 block that overlaps no other VPC or on-prem range." }),
    azCount: z
      .literal([2, 3], { error: "Write azCount: 2 or azCount: 3." })
      .default(3)
      .meta({ description: "Number of Availability Zones. @default 3" }),
    natGateways: z
      .enum(["one-per-az", "single", "none"], {
        error:
          "Write natGateways: one-per-az (highly available), natGateways: single (cheaper, dev only), or natGateways: none (with inspection: central).",
      })
      .optional()
      .meta({
        description:
          "one-per-az: a NAT gateway in every AZ (prod-safe). single: one shared NAT gateway. none: no NAT gateway, only with inspection: central, whose egress goes through the hub's inspection VPC and its NAT gateways. @default none with inspection: central, else one-per-az",
      }),
    flowLogs: z
      .strictObject({
        retentionDays: logRetentionDays(365, "Flow-log retention in days (a CloudWatch Logs retention value)."),
      })
      .default({ retentionDays: 365 })
      .meta({ description: "VPC flow logs (traffic type ALL) to a KMS-encrypted CloudWatch log group." }),
    gatewayEndpoints: z
      .array(z.enum(GATEWAY_ENDPOINT_SERVICES))
      .refine((list) => new Set(list).size === list.length, {
        error: "List each gateway endpoint service once, for example gatewayEndpoints: [s3, dynamodb]",
      })
      .default([...GATEWAY_ENDPOINT_SERVICES])
      .meta({
        description:
          "Gateway VPC endpoints (free) for S3 and DynamoDB in the privateApp route tables, with an endpoint policy that admits only the landing zone's accounts (and ECR's layer bucket, for image pulls). [] turns them off. @default [s3, dynamodb]",
      }),
    subnetPrefixLengths: SubnetPrefixLengths.default({ public: 24, privateApp: 20, privateData: 23, transit: 28 }),
    interfaceEndpoints: z
      .array(z.enum(INTERFACE_ENDPOINT_SERVICES))
      .refine((list) => new Set(list).size === list.length, {
        error: "List each interface endpoint service once, for example interfaceEndpoints: [ecr.api, ecr.dkr, logs]",
      })
      .default([])
      .meta({
        description: `Interface VPC endpoints (AWS PrivateLink) in the privateApp subnets, one network interface per AZ, with private DNS, a security group admitting 443 from the VPC, and an endpoint policy admitting only the landing zone's accounts: ${INTERFACE_ENDPOINT_SERVICES.join(", ")}. Each costs an hourly fee per AZ plus a fee per GB (lz cost). @default [] (AWS API calls leave through NAT or central inspection)`,
      }),
  })
  .meta({ description: "The environment's VPC." });

/** The on-premises network reached through the hub. */
export const OnPremises = z
  .strictObject({
    cidrs: z
      .array(Ipv4Cidr)
      .min(1, { error: "List at least one on-premises CIDR, for example cidrs: [172.16.0.0/16]." })
      .meta({ description: "On-premises CIDR blocks; workload app and data tiers route them to the transit gateway." }),
    bgpAsn: Asn.meta({ description: "The on-premises router's BGP ASN; must differ from the transit gateway's." }),
  })
  .meta({ description: "The on-premises network." });

/** The network hub account: transit gateway and on-prem reachability. */
export const NetworkHub = z
  .strictObject({
    accountId: AccountId,
    region: RegionName.meta({ description: "Region of the transit gateway; every workload VPC must be in it." }),
    transitGateway: z
      .strictObject({
        amazonSideAsn: Asn.default(64512).meta({
          description: "Amazon-side BGP ASN of the transit gateway. Changing it replaces the transit gateway. @default 64512",
        }),
        flowLogs: z
          .strictObject({
            enabled: z.boolean().default(true).meta({ description: "false: no transit gateway flow log. @default true" }),
            retentionDays: logRetentionDays(365, "Flow-log retention in days (a CloudWatch Logs retention value)."),
          })
          .default({ enabled: true, retentionDays: 365 })
          .meta({
            description:
              "Transit Gateway Flow Logs (every field: attachments, packet loss, direction) to a KMS-encrypted CloudWatch log group in the hub.",
          }),
      })
      .meta({ description: "The hub transit gateway." }),
    onPremises: OnPremises,
    availabilityZoneIds: z
      .array(
        z
          .string()
          .regex(/^[a-z]+[0-9]+-az[0-9]+$/, { error: "Write an AZ ID such as euw1-az1 (aws ec2 describe-availability-zones shows them)." }),
      )
      .min(2, { error: "List at least two AZ IDs." })
      .max(6, { error: "List at most six AZ IDs." })
      .optional()
      .meta({
        description:
          "AZ IDs (for example euw1-az1) of the AZs every VPC uses, in order: AZ a of every VPC is the first. AZ IDs name the same physical zone in every account, unlike AZ names. At least as many as the largest azCount. @default the Region's az1, az2, az3 (us-east-1: use1-az1, use1-az2, use1-az4; see src/aws/availability-zone-ids.ts)",
      }),
    account: OrganizationAccount.optional().meta({
      description: "The hub account in AWS Organizations (name, root email, OU). Required with organization.awsOrganizations.",
    }),
    alerts: AlertSettings.default({ emails: [] }),
    hybrid: HybridSettings.optional(),
    dns: DnsSettings.optional(),
    policy: PolicySettings.default({ suppressions: [] }),
  })
  .meta({ description: "The network hub account." });

/** A subnet tier name. */
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/** An optional subnet tier name (see {@link OPTIONAL_SUBNET_TIERS}). */
export type OptionalSubnetTier = (typeof OPTIONAL_SUBNET_TIERS)[number];
