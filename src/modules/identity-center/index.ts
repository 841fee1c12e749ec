export {
  IdentityCenter,
  type IdentityCenterAssignment,
  type IdentityCenterPermissionSet,
  type IdentityCenterProps,
} from "./identity-center.js";
