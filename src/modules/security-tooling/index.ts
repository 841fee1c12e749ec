export {
  ACCESS_ANALYZER_ACTIVE_PATTERN,
  CONFIG_ORGANIZATIONS_POLICY,
  OrganizationSecurity,
  type OrganizationSecurityProps,
} from "./organization-security.js";
