/**
 * The AWS Organizations layer in the diagram (`organization.awsOrganizations`): the organization with its
 * management account, one nested cluster per OU, each member account in its OU (with the stack deployed into it),
 * and per OU the guardrail policies attached to it. Nothing is drawn without the layer.
 */
import type { LandingZoneModel } from "../config/index.js";
import type { DiagramBuilder } from "./graph.js";

/** Cluster id of an OU path. */
const ouCluster = (path: string) => `ou_${path.replace(/[^A-Za-z0-9]/g, "_")}`;

/** Adds the organization, its OUs, accounts and attached policies. */
export function organizationArea(model: LandingZoneModel, d: DiagramBuilder): void {
  const org = model.awsOrganizations;
  if (!org) return;
  const root = d.cluster(
    undefined,
    "organization",
    "site",
    `AWS Organization ${org.organizationId} · management account ${org.management.accountId}`,
  );
  d.node(root, "organization_stack", "service", ["organization stack", "OUs, accounts, SCPs, delegated administrators"]);
  for (const path of org.organizationalUnits) {
    const slash = path.lastIndexOf("/");
    const parent = slash === -1 ? root : ouCluster(path.slice(0, slash));
    d.cluster(parent, ouCluster(path), "site", `OU ${path}`);
  }
  for (const a of org.memberAccounts)
    d.node(ouCluster(a.organizationalUnit), `org_account_${a.stackName ?? a.role}`, "service", [
      a.name,
      `${a.accountId ?? "to be created"} · ${a.stackName ?? a.role}`,
    ]);
  const policiesOf = new Map<string, string[]>();
  for (const [key, ous] of Object.entries(org.policies.attachments))
    for (const ou of ous) policiesOf.set(ou, [...(policiesOf.get(ou) ?? []), key]);
  for (const ou of org.policies.tagPolicy?.organizationalUnits ?? []) policiesOf.set(ou, [...(policiesOf.get(ou) ?? []), "tagPolicy"]);
  for (const [ou, keys] of policiesOf) d.node(ouCluster(ou), `${ouCluster(ou)}_policies`, "firewall", ["policies", ...keys]);
}
