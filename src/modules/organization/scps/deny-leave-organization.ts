/**
 * Guardrail SCP `denyLeaveOrganization`: no principal of a member account may take the account out of the
 * organization (`organizations:LeaveOrganization`). An account that leaves also leaves every other guardrail,
 * the organization trail and the delegated security services, so this is the first SCP every landing zone sets.
 * Follows AWS's example "Prevent member accounts from leaving the organization",
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html
 */
import { scpJson, type ScpStatement } from "./statement.js";

/** The statements of the SCP (no input: it denies the one action to everyone, root user included). */
export function denyLeaveOrganizationStatements(): ScpStatement[] {
  return [{ Sid: "DenyLeaveOrganization", Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }];
}

/** The SCP document (minified JSON). */
export function denyLeaveOrganization(): string {
  return scpJson(denyLeaveOrganizationStatements());
}
