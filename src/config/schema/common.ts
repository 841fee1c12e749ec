/**
 * Building blocks of the config schema that several areas use: account ids, Region codes, CIDR blocks, IPv4
 * addresses, BGP ASNs and IAM role names. Each checks the form only; what needs the rest of the config (a real
 * Region, no overlap, a private and distinct ASN) is checked in src/config/validate/.
 */
import { z } from "zod";

const ACCOUNT_ID_HINT =
  'Write the 12-digit AWS account id in quotes, for example accountId: "123456789012" (unquoted, YAML reads a number and drops leading zeros).';

/** A 12-digit AWS account id, as a quoted string. */
export const AccountId = z
  .string({ error: ACCOUNT_ID_HINT })
  .regex(/^\d{12}$/, { error: ACCOUNT_ID_HINT })
  .meta({ description: "12-digit AWS account id, quoted.", examples: ["123456789012"] });

/** An AWS Region code such as `eu-west-1`; that it is a real Region is checked semantically. */
export const RegionName = z
  .string({ error: "Write an AWS Region code such as eu-west-1." })
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { error: "Write an AWS Region code such as eu-west-1." })
  .meta({ description: "AWS Region code, for example eu-west-1." });

/** An IPv4 CIDR block in `a.b.c.d/n` notation; host bits and overlaps are checked semantically. */
export const Ipv4Cidr = z
  .string({ error: "Write an IPv4 CIDR block such as 10.20.0.0/16." })
  .regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/, {
    error: "Write an IPv4 CIDR block such as 10.20.0.0/16.",
  })
  .meta({ description: "IPv4 CIDR block, a.b.c.d/n, with no host bits set." });

/** An IPv4 address `a.b.c.d`. */
export const Ipv4Address = z
  .string({ error: "Write an IPv4 address such as 203.0.113.10." })
  .regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/, {
    error: "Write an IPv4 address such as 203.0.113.10.",
  })
  .meta({ description: "IPv4 address, a.b.c.d." });

/** A BGP autonomous system number; that it is private and distinct is checked semantically. */
export const Asn = z
  .int({ error: "Write a BGP ASN as a whole number, for example 64512." })
  .min(1, { error: "Write a BGP ASN as a whole number, for example 64512." })
  .max(4294967295, { error: "A BGP ASN is at most 4294967295." })
  .meta({ description: "BGP ASN. Private ranges: 64512-65534 or 4200000000-4294967294." });

/** An IAM role name (not an ARN). */
export const IamRoleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, {
  error: "Write an IAM role name (not an ARN): 1-64 letters, digits or +=,.@_- , for example LandingZoneDeploy.",
});
