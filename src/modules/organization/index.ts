export { DELEGATED_SERVICE_PRINCIPALS, DelegatedAdministrators, type DelegatedAdministratorsProps } from "./delegated-administrators.js";
export { OrganizationStructure, ouIdPart, type OrganizationAccountProps, type OrganizationProps } from "./organization.js";
export { OrganizationPolicies, type AttachedPolicyProps, type OrganizationPoliciesProps } from "./policies.js";
