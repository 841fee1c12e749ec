/**
 * The reference fixture in the AWS Security Reference Architecture layout: `organization.awsOrganizations` (a
 * management account, an OU tree, the log archive and security tooling accounts) and an `account:` block for the
 * hub and each environment. Tests of the organization layer start from {@link organizationWith}.
 */
import { type ConfigEdits, referenceWith, replace } from "./config-dir.js";

/** The management account of the fixture. */
export const MANAGEMENT_ACCOUNT_ID = "999999999999";
/** The log archive account of the fixture. */
export const LOG_ARCHIVE_ACCOUNT_ID = "555555555555";
/** The security tooling account of the fixture. */
export const SECURITY_TOOLING_ACCOUNT_ID = "666666666666";

/** The organization id of the fixture. */
export const ORGANIZATION_ID = "o-a1b2c3d4e5";

/** The `awsOrganizations:` block added under `organization:` (indented two spaces). */
export const AWS_ORGANIZATIONS_BLOCK = `  awsOrganizations:
    managementAccountId: "${MANAGEMENT_ACCOUNT_ID}"
    organizationId: ${ORGANIZATION_ID}
    organizationalUnits: [Security, Infrastructure, Workloads, Workloads/Prod, Workloads/NonProd]
    logArchive:
      accountId: "${LOG_ARCHIVE_ACCOUNT_ID}"
      name: acme-log-archive
      email: aws-log-archive@acme.example
      organizationalUnit: Security
    securityTooling:
      accountId: "${SECURITY_TOOLING_ACCOUNT_ID}"
      name: acme-security
      email: aws-security@acme.example
      organizationalUnit: Security
`;

const accountBlock = (indent: string, name: string, ou: string) =>
  `${indent}account:\n${indent}  name: acme-${name}\n${indent}  email: aws-${name}@acme.example\n${indent}  organizationalUnit: ${ou}\n`;

/** The edits that turn the reference fixture into the organization layout. */
export function organizationEdits(): ConfigEdits {
  const env = (name: string, ou: string) => replace(/^region: /m, `${accountBlock("", name, ou)}region: `);
  return {
    "shared.yaml": (text) =>
      replace(
        /^networkHub:\n/m,
        `${AWS_ORGANIZATIONS_BLOCK}\nnetworkHub:\n`,
      )(
        replace(
          /^ {2}region: eu-west-1\n {2}transitGateway:/m,
          `${accountBlock("  ", "network", "Infrastructure")}  region: eu-west-1\n  transitGateway:`,
        )(text),
      ),
    "dev.yaml": env("dev", "Workloads/NonProd"),
    "test.yaml": env("test", "Workloads/NonProd"),
    "prod.yaml": env("prod", "Workloads/Prod"),
  };
}

/**
 * A temp copy of the reference fixture in the organization layout, with `edits` applied after it (an edit of a
 * file replaces the organization edit of that file unless it is a function, which then runs on the edited text).
 */
export function organizationWith(edits: ConfigEdits = {}): string {
  const base = organizationEdits();
  const merged: ConfigEdits = { ...base };
  for (const [name, edit] of Object.entries(edits)) {
    const first = base[name];
    merged[name] = typeof edit === "function" && typeof first === "function" ? (old: string) => edit(first(old)) : edit;
  }
  return referenceWith(merged);
}
