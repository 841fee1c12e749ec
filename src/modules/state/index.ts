export { bucketPolicy, StateBucket, type StateAccessGrant, type StateBucketProps } from "./state-bucket.js";
