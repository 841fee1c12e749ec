/**
 * Availability Zone IDs: the account-independent names of the physical zones of a Region (`euw1-az1`). An AZ
 * *name* (`eu-west-1a`) maps to a different physical zone in different accounts in the Regions older than
 * November 2012, so subnets placed by name index put "AZ a" of the hub and of each workload in different zones;
 * placed by AZ ID, the same index is the same zone in every account ("AZ IDs",
 * {@link AZ_IDS_DOC}; "Availability Zone IDs for your AWS resources",
 * https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html). Read 2026-12.
 *
 * An AZ ID is the Region's short code, `-az`, and a number: the short code joins the Region's area (`us`, `eu`,
 * `ap`, ...) with the initials of its direction (`east` e, `northeast` ne, `central` c, ...) and its number
 * (`us-east-1` use1, `ap-southeast-2` apse2, `us-gov-west-1` usgw1). Neutral data: no cdktf, no config.
 */

/** The AWS page listing AZ IDs and the Regions that map AZ names per account. */
export const AZ_IDS_DOC = "https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html";

const DIRECTIONS: Readonly<Record<string, string>> = {
  east: "e",
  west: "w",
  north: "n",
  south: "s",
  central: "c",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
};

/** The AZ ID prefix of `region` (`eu-west-1` → `euw1`), or undefined for a Region code of another shape. */
export function azIdPrefix(region: string): string | undefined {
  const m = /^([a-z]{2})-(?:(gov)-)?([a-z]+)-(\d+)$/.exec(region);
  const direction = m ? DIRECTIONS[m[3]!] : undefined;
  if (!m || direction === undefined) return undefined;
  return `${m[1]}${m[2] ? "g" : ""}${direction}${m[4]}`;
}

/**
 * AZ IDs used where the config names none, where they are not the Region's `az1`, `az2`, `az3`: AZ IDs that new
 * accounts cannot use (`usw1-az2`, `apne1-az3`, `cac1-az3`) or that offer few current instance types
 * (`use1-az3`, no Nitro instance types: a public write-up, https://wolfman.dev/posts/exclude-use1-az3/, not an AWS
 * page) are skipped. The other exceptions are not confirmed by a page read here. Check a Region's IDs with
 * `aws ec2 describe-availability-zones --region <region>` (and `describe-instance-type-offerings
 * --location-type availability-zone-id`).
 */
const DEFAULT_AZ_ID_NUMBERS: Readonly<Record<string, readonly number[]>> = {
  "us-east-1": [1, 2, 4],
  "us-west-1": [1, 3],
  "ap-northeast-1": [1, 2, 4],
  "ca-central-1": [1, 2, 4],
};

/**
 * The AZ IDs a landing zone in `region` uses when the config names none, in order (index i is "AZ i" in every
 * VPC): the Region's `az1`, `az2`, `az3`, except where {@link DEFAULT_AZ_ID_NUMBERS} says otherwise. Empty for a
 * Region code of another shape.
 */
export function defaultAvailabilityZoneIds(region: string): string[] {
  const prefix = azIdPrefix(region);
  if (!prefix) return [];
  return (DEFAULT_AZ_ID_NUMBERS[region] ?? [1, 2, 3]).map((n) => `${prefix}-az${n}`);
}
