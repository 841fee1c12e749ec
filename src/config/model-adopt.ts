/**
 * The adopt part of the model: the existing resources an account stack takes under management (one Terraform
 * `import` block each) instead of creating them, by logical name. Built from `adopt:` in shared.yaml (the network
 * hub account) and in each environment file (that environment's account); see src/config/schema/adopt.ts for the
 * id formats and docs/adopt.md for the flow.
 */
import type { EnvironmentAdoptFile, HubAdoptFile } from "./schema/index.js";
import { definedOnly } from "../util/defined.js";

/** A subnet tier that can be adopted (every tier a workload VPC can have). */
export type AdoptableSubnetTier = "public" | "privateApp" | "privateData" | "transit" | "firewall";

/**
 * Import ids of the existing resources one account stack adopts, each in the form its Terraform import expects.
 * Absent keys are created as usual. Which keys apply where: `transitGateway`, `directConnectGateway` and
 * `logBucket` in the network hub; `vpc`, `internetGateway`, `subnets` and `hostedZone` in a workload account; the baseline keys
 * (`cloudTrail` ... `configDeliveryChannel`) in both.
 */
export interface AdoptedResources {
  /** `aws_vpc`: VPC id, `vpc-…`. */
  readonly vpc?: string;
  /** `aws_internet_gateway`: internet gateway id, `igw-…` (the one attached to the adopted VPC). */
  readonly internetGateway?: string;
  /** `aws_subnet` per tier: subnet ids, one per AZ in AZ order. */
  readonly subnets?: Readonly<Partial<Record<AdoptableSubnetTier, readonly string[]>>>;
  /** `aws_ec2_transit_gateway`: transit gateway id, `tgw-…`. */
  readonly transitGateway?: string;
  /** `aws_dx_gateway`: Direct Connect gateway id (a UUID). */
  readonly directConnectGateway?: string;
  /** `aws_route53_zone`: hosted zone id of `app.domain.hostedZoneName`, `Z…`. */
  readonly hostedZone?: string;
  /** `aws_s3_bucket`: name of the central log bucket (the model's `baseline.logArchive.bucketName` is set to it). */
  readonly logBucket?: string;
  /** `aws_cloudtrail`: trail ARN; the account's trail is named after it. */
  readonly cloudTrail?: string;
  /** `aws_guardduty_detector`: detector id (32 hex digits). */
  readonly guardDutyDetector?: string;
  /** `aws_securityhub_account`: the account id. */
  readonly securityHubAccount?: string;
  /** `aws_config_configuration_recorder`: recorder name; the stack's recorder keeps it. */
  readonly configRecorder?: string;
  /** `aws_config_delivery_channel`: delivery channel name; the stack's channel keeps it. */
  readonly configDeliveryChannel?: string;
}

/** The model's {@link AdoptedResources} from a parsed `adopt:` section (absent keys stay absent). */
export function adoptedResources(adopt: HubAdoptFile | EnvironmentAdoptFile): AdoptedResources {
  const { subnets, ...ids } = { subnets: undefined, ...adopt };
  return {
    ...definedOnly(ids),
    ...(subnets ? { subnets: definedOnly({ ...subnets }) } : {}),
  };
}

/** The trail name in a CloudTrail ARN: `arn:aws:cloudtrail:eu-west-1:123456789012:trail/main` → `main`. */
export function trailNameOfArn(arn: string): string {
  return arn.slice(arn.indexOf(":trail/") + ":trail/".length);
}

/** Number of import ids in `adopt` (each subnet counts once): the number of import blocks its stack emits. */
export function adoptedCount(adopt: AdoptedResources): number {
  const { subnets, ...ids } = adopt;
  return (
    Object.values(ids).filter((v) => v !== undefined).length + Object.values(subnets ?? {}).reduce((n, list) => n + (list?.length ?? 0), 0)
  );
}
