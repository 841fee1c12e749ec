export { accountOfRoleArn, policyDocument, rolePrincipals, type PolicyStatement } from "./policy.js";
export { bucketPolicy, StateBucket, type StateAccessGrant, type StateBucketProps } from "./state-bucket.js";
