/**
 * EC2 instance types the app tier's Auto Scaling groups may use, per Region, with their CPU architecture.
 *
 * Instance type availability is a Region (and Availability Zone) property: "The instance types available to you
 * vary by Region" and `aws ec2 describe-instance-type-offerings --region <r>` lists them
 * ({@link EC2_INSTANCE_TYPES_BY_REGION_DOC}; the Regions of each type: {@link EC2_INSTANCE_REGIONS_DOC}). Sources
 * checked 2026-12: those two pages. The table keeps a small set of current general-purpose, compute- and
 * memory-optimized families (burstable T3/T3a/T4g, M6i/M7i/M6g/M7g, C6i/C7i/C6g/C7g, R6i/R7i/R6g/R7g) that
 * every listed Region offers; a Region that is not listed is not checked (a type missing there fails at apply
 * time with `Unsupported`), so the table errs towards accepting. Graviton families (`g` after the generation
 * digit) are `arm64` and need an arm64 AMI. Neutral data: no cdktf, no config.
 */

/** "Amazon EC2 instance types by Region" (describe-instance-type-offerings per Region). */
export const EC2_INSTANCE_TYPES_BY_REGION_DOC = "https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-regions.html";

/** "Find an Amazon EC2 instance type" (the Region selector of the console and CLI). */
export const EC2_INSTANCE_REGIONS_DOC = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-discovery.html";

/** CPU architecture of an instance type, as the AL2023 SSM parameter names it. */
export type Ec2Architecture = "x86_64" | "arm64";

const BURSTABLE_SIZES = ["micro", "small", "medium", "large", "xlarge", "2xlarge"] as const;
const STANDARD_SIZES = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"] as const;

/** Families and their sizes in the table. */
export const EC2_FAMILIES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  t3: BURSTABLE_SIZES,
  t3a: BURSTABLE_SIZES,
  t4g: BURSTABLE_SIZES,
  m6i: STANDARD_SIZES,
  m7i: STANDARD_SIZES,
  m6g: ["medium", ...STANDARD_SIZES],
  m7g: ["medium", ...STANDARD_SIZES],
  c6i: STANDARD_SIZES,
  c7i: STANDARD_SIZES,
  c6g: ["medium", ...STANDARD_SIZES],
  c7g: ["medium", ...STANDARD_SIZES],
  r6i: STANDARD_SIZES,
  r7i: STANDARD_SIZES,
  r6g: ["medium", ...STANDARD_SIZES],
  r7g: ["medium", ...STANDARD_SIZES],
});

/** Regions whose offerings were checked; each offers every family of {@link EC2_FAMILIES}. */
export const EC2_CHECKED_REGIONS: readonly string[] = ["eu-central-1", "eu-west-1", "us-east-1", "us-east-2", "us-west-2"];

/** The architecture of a type name of the table's families (`t4g.small` → `arm64`), or `undefined` for an unknown family. */
export function ec2Architecture(instanceType: string): Ec2Architecture | undefined {
  const family = instanceType.split(".")[0] ?? "";
  if (!(family in EC2_FAMILIES)) return undefined;
  return /^[a-z]\d+g/.test(family) ? "arm64" : "x86_64";
}

/**
 * What is wrong with an instance type, or `undefined` when the table has it. Every family of the table is offered in
 * every Region of {@link EC2_CHECKED_REGIONS}; elsewhere a type the Region lacks fails at apply time.
 * The message names the fix.
 */
export function ec2InstanceTypeProblem(instanceType: string): string | undefined {
  const [family, size] = instanceType.split(".");
  const sizes = family === undefined ? undefined : EC2_FAMILIES[family];
  if (!sizes || size === undefined) {
    return `${instanceType} is not an instance type this landing zone offers for Auto Scaling tiers. Write one of the families ${Object.keys(EC2_FAMILIES).join(", ")} with a size, for example t3.small or m7g.large (${EC2_INSTANCE_TYPES_BY_REGION_DOC}).`;
  }
  if (!sizes.includes(size)) return `${family} has no size ${size} here. Write one of ${sizes.map((s) => `${family}.${s}`).join(", ")}.`;
  return undefined;
}

/** The AL2023 public SSM parameter holding the latest AMI id for an architecture (https://docs.aws.amazon.com/linux/al2023/ug/ec2.html). */
export function al2023AmiParameter(arch: Ec2Architecture): string {
  return `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${arch}`;
}
