/**
 * `adopt:` in shared.yaml and in an environment file: existing AWS resources a stack takes under management
 * instead of creating them. Each key is a stable logical name of a resource the stack builds; its value is the
 * id that the resource type's Terraform import expects (the "Import" section of its page in the AWS provider
 * documentation, https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs). The stacks emit one Terraform
 * `import` block per id (Terraform >= 1.5, https://developer.hashicorp.com/terraform/language/import).
 *
 * This file checks the form of each id; src/config/validate/adopt.ts checks that each name maps to a resource the
 * stack really builds (a subnet per AZ, a Direct Connect gateway only with Direct Connect, a hosted zone only with
 * `app.domain`), that the account-scoped ids belong to the file's account, and that no id is adopted twice.
 */
import { z } from "zod";

/**
 * A form check with the message users see: what the id looks like, with an example.
 * @param what the resource, for the message ("VPC id"), or the whole message when it starts with "Write ".
 * @param pattern the form of the id.
 * @param example a valid id, shown in the message and in the editor schema.
 * @param description the editor description, naming the Terraform resource type and where to find the id.
 */
function importId(what: string, pattern: RegExp, example: string, description: string) {
  const error = what.startsWith("Write ") ? what : `Write the ${what}, for example ${example}.`;
  return z
    .string({ error })
    .regex(pattern, { error })
    .meta({ description, examples: [example] });
}

/** An EC2 resource id: the prefix, then 8 (older resources) or 17 lowercase hex digits. */
const ec2Id = (prefix: string): RegExp => new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);

/** `aws_vpc` imports by VPC id. */
export const AdoptVpcId = importId(
  "VPC id",
  ec2Id("vpc"),
  "vpc-0a1b2c3d4e5f67890",
  "Existing VPC (aws_vpc, imported by VPC id). Its CIDR must be vpc.cidr: a different CIDR forces a new VPC.",
);

/**
 * `aws_internet_gateway` imports by internet gateway id. A VPC has at most one internet gateway attached, so the
 * stack's gateway must be the existing one when the adopted VPC has one
 * (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html).
 */
export const AdoptInternetGatewayId = importId(
  "internet gateway id",
  ec2Id("igw"),
  "igw-0a1b2c3d4e5f67890",
  "The internet gateway attached to the adopted VPC (aws_internet_gateway, imported by its id). Required when that VPC has one: a VPC takes only one.",
);

/** `aws_subnet` imports by subnet id. */
export const AdoptSubnetId = importId(
  "subnet id",
  ec2Id("subnet"),
  "subnet-0a1b2c3d4e5f67890",
  "Existing subnet (aws_subnet, imported by subnet id).",
);

/** `aws_ec2_transit_gateway` imports by transit gateway id. */
export const AdoptTransitGatewayId = importId(
  "transit gateway id",
  ec2Id("tgw"),
  "tgw-0a1b2c3d4e5f67890",
  "Existing transit gateway (aws_ec2_transit_gateway, imported by its id). Its Amazon-side ASN must be networkHub.transitGateway.amazonSideAsn.",
);

/** `aws_dx_gateway` imports by gateway id, a UUID. */
export const AdoptDirectConnectGatewayId = importId(
  "Direct Connect gateway id (a UUID)",
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  "abcd1234-dcba-5678-be23-cdef9876ab45",
  "Existing Direct Connect gateway (aws_dx_gateway, imported by gateway id). Its Amazon-side ASN must be hybrid.directConnect.gateway.amazonSideAsn.",
);

/** `aws_route53_zone` imports by hosted zone id (`Z` and up to 31 upper-case letters and digits). */
export const AdoptHostedZoneId = importId(
  "Route 53 hosted zone id",
  /^Z[0-9A-Z]{1,31}$/,
  "Z0123456789ABCDEFGHIJ",
  "Existing public hosted zone app.domain.hostedZoneName (aws_route53_zone, imported by zone id). Without it the stack only looks the zone up; with it the stack manages the zone.",
);

/**
 * `aws_s3_bucket` imports by bucket name. General purpose bucket naming rules:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html (3-63 characters, lower-case
 * letters, digits, dots and hyphens, beginning and ending with a letter or digit).
 */
export const AdoptBucketName = importId(
  "S3 bucket name (3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit)",
  /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  "acme-log-archive",
  "Existing central log bucket (aws_s3_bucket, imported by name); the landing zone then names the log archive after it. It must have Object Lock enabled: enabling it forces a new bucket.",
);

/**
 * `aws_cloudtrail` imports by trail ARN (provider 5.x). Trail names: 3-128 letters, digits, periods, underscores
 * and hyphens, starting and ending with a letter or digit
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html).
 */
export const AdoptTrailArn = importId(
  "CloudTrail trail ARN",
  /^arn:aws(-cn|-us-gov)?:cloudtrail:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:trail\/[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/,
  "arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-events",
  "Existing trail of this account (aws_cloudtrail, imported by ARN); the account's trail keeps the name in the ARN. Its home Region must be the account's Region.",
);

/** `aws_guardduty_detector` imports by detector id: 32 lower-case hex digits. */
export const AdoptGuardDutyDetectorId = importId(
  "GuardDuty detector id (32 hex digits, from aws guardduty list-detectors)",
  /^[0-9a-f]{32}$/,
  "12abc34d567e8fa901bc2d34e56789f0",
  "Existing GuardDuty detector of this account and Region (aws_guardduty_detector, imported by detector id).",
);

/** `aws_securityhub_account` imports by the AWS account id. */
export const AdoptSecurityHubAccount = importId(
  'Write this account\'s 12-digit id in quotes, for example securityHubAccount: "123456789012" (unquoted, YAML reads a number).',
  /^\d{12}$/,
  "123456789012",
  "This account's id when Security Hub is already enabled in it (aws_securityhub_account, imported by account id).",
);

/**
 * `aws_config_configuration_recorder` and `aws_config_delivery_channel` import by name. Names: 1-256 characters
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigurationRecorder.html).
 */
const configName = (what: string, resource: string) =>
  importId(
    `name of the existing ${what} (1-256 characters, for example default)`,
    /^\S.{0,255}$/,
    "default",
    `Existing AWS Config ${what} of this account and Region (${resource}, imported by name); the stack keeps that name. AWS Config allows one per Region.`,
  );

/** Resources of the security baseline that every account stack builds (both kinds of file). */
const baselineAdopt = {
  cloudTrail: AdoptTrailArn.optional(),
  guardDutyDetector: AdoptGuardDutyDetectorId.optional(),
  securityHubAccount: AdoptSecurityHubAccount.optional(),
  configRecorder: configName("configuration recorder", "aws_config_configuration_recorder").optional(),
  configDeliveryChannel: configName("delivery channel", "aws_config_delivery_channel").optional(),
};

/** `adopt:` in shared.yaml: existing resources of the network hub account. */
export const HubAdopt = z
  .strictObject({
    transitGateway: AdoptTransitGatewayId.optional(),
    directConnectGateway: AdoptDirectConnectGatewayId.optional(),
    logBucket: AdoptBucketName.optional(),
    ...baselineAdopt,
  })
  .meta({
    description:
      "Existing resources of the network hub account to take under management (Terraform import blocks) instead of creating them. Remove an entry only after the apply that imported it (see docs/adopt.md).",
  });

const subnetIds = (tier: string) =>
  z
    .array(AdoptSubnetId)
    .min(1)
    .meta({ description: `Existing ${tier} subnets, one per AZ in AZ order (the first is in the first AZ the stack uses).` });

/** `adopt:` in an environment file: existing resources of the environment's account. */
export const EnvironmentAdopt = z
  .strictObject({
    vpc: AdoptVpcId.optional(),
    internetGateway: AdoptInternetGatewayId.optional(),
    subnets: z
      .strictObject({
        public: subnetIds("public").optional(),
        privateApp: subnetIds("privateApp").optional(),
        privateData: subnetIds("privateData").optional(),
        transit: subnetIds("transit").optional(),
        firewall: subnetIds("firewall (inspection: per-vpc)").optional(),
      })
      .optional()
      .meta({ description: "Existing subnets per tier, each a list with one subnet id per AZ, in AZ order." }),
    hostedZone: AdoptHostedZoneId.optional(),
    ...baselineAdopt,
  })
  .meta({
    description:
      "Existing resources of this account to take under management (Terraform import blocks) instead of creating them. Remove an entry only after the apply that imported it (see docs/adopt.md).",
  });

/** The parsed `adopt:` of shared.yaml. */
export type HubAdoptFile = z.output<typeof HubAdopt>;
/** The parsed `adopt:` of an environment file. */
export type EnvironmentAdoptFile = z.output<typeof EnvironmentAdopt>;
