/**
 * The log archive account (AWS Organizations layer): the central Object Lock CloudTrail bucket, the AWS Config
 * bucket and their KMS key, which every account's trail and recorder, and the organization trail, deliver to. The
 * archive is the account baseline's (`model.baseline.logArchive` names this account, so the AccountBaseline builds
 * it here), beside the account's own trail, Config recorder and hardening. Nothing else runs in this account: the
 * separation of duties of the AWS Security Reference Architecture
 * (https://docs.aws.amazon.com/prescriptive-guidance/latest/security-reference-architecture/log-archive.html).
 */
import type { Construct } from "constructs";
import type { AccountTarget, LandingZoneModel } from "../config/index.js";
import { AccountStack } from "./account-stack.js";

/** Stack of the log archive account; deployed after the organization stack, before every other account stack. */
export class LogArchiveStack extends AccountStack {
  /**
   * @throws Error when the model has no organization baseline or its archive is not in `target`'s account (a
   *   programming error: build this stack only from `model.awsOrganizations.logArchive.target`).
   */
  constructor(scope: Construct, model: LandingZoneModel, target: AccountTarget) {
    if (!model.baseline.organization || model.baseline.logArchive.accountId !== target.accountId)
      throw new Error(`${target.stackName}: the model's log archive is not in account ${target.accountId}`);
    super(scope, model, target, target.stackName);
  }
}
