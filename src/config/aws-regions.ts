/**
 * AWS Regions this project knows, with the number of Availability Zones a new account sees in each
 * and the ARN partition the Region belongs to.
 *
 * Source: "AWS Regions" in the AWS General Reference and the AWS Global Infrastructure page
 * (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html,
 * https://aws.amazon.com/about-aws/global-infrastructure/regions_az/), read 2026-11.
 * AZ counts are the minimum an account sees: us-west-1 shows two AZs to accounts created after 2013.
 * Opt-in Regions (af-south-1, ap-east-1, ...) must be enabled in the account before use.
 */
export interface AwsRegionInfo {
  /** Number of Availability Zones usable by a new account. */
  readonly azCount: number;
  /** ARN partition: `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: "aws" | "aws-cn" | "aws-us-gov";
}

/** Region name → facts. Keys are the Region codes the AWS APIs use (`eu-west-1`). */
export const AWS_REGIONS: Readonly<Record<string, AwsRegionInfo>> = Object.freeze({
  "us-east-1": { azCount: 6, partition: "aws" },
  "us-east-2": { azCount: 3, partition: "aws" },
  "us-west-1": { azCount: 2, partition: "aws" },
  "us-west-2": { azCount: 4, partition: "aws" },
  "af-south-1": { azCount: 3, partition: "aws" },
  "ap-east-1": { azCount: 3, partition: "aws" },
  "ap-east-2": { azCount: 3, partition: "aws" },
  "ap-south-1": { azCount: 3, partition: "aws" },
  "ap-south-2": { azCount: 3, partition: "aws" },
  "ap-southeast-1": { azCount: 3, partition: "aws" },
  "ap-southeast-2": { azCount: 3, partition: "aws" },
  "ap-southeast-3": { azCount: 3, partition: "aws" },
  "ap-southeast-4": { azCount: 3, partition: "aws" },
  "ap-southeast-5": { azCount: 3, partition: "aws" },
  "ap-southeast-7": { azCount: 3, partition: "aws" },
  "ap-northeast-1": { azCount: 3, partition: "aws" },
  "ap-northeast-2": { azCount: 4, partition: "aws" },
  "ap-northeast-3": { azCount: 3, partition: "aws" },
  "ca-central-1": { azCount: 3, partition: "aws" },
  "ca-west-1": { azCount: 3, partition: "aws" },
  "eu-central-1": { azCount: 3, partition: "aws" },
  "eu-central-2": { azCount: 3, partition: "aws" },
  "eu-west-1": { azCount: 3, partition: "aws" },
  "eu-west-2": { azCount: 3, partition: "aws" },
  "eu-west-3": { azCount: 3, partition: "aws" },
  "eu-south-1": { azCount: 3, partition: "aws" },
  "eu-south-2": { azCount: 3, partition: "aws" },
  "eu-north-1": { azCount: 3, partition: "aws" },
  "il-central-1": { azCount: 3, partition: "aws" },
  "me-south-1": { azCount: 3, partition: "aws" },
  "me-central-1": { azCount: 3, partition: "aws" },
  "mx-central-1": { azCount: 3, partition: "aws" },
  "sa-east-1": { azCount: 3, partition: "aws" },
  "cn-north-1": { azCount: 3, partition: "aws-cn" },
  "cn-northwest-1": { azCount: 3, partition: "aws-cn" },
  "us-gov-east-1": { azCount: 3, partition: "aws-us-gov" },
  "us-gov-west-1": { azCount: 3, partition: "aws-us-gov" },
});

/** All Region codes, sorted, for "write one of ..." hints. */
export const AWS_REGION_NAMES: readonly string[] = Object.keys(AWS_REGIONS).sort();
