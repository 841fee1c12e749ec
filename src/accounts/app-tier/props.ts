import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { AppModel, WorkloadModel } from "../../config/index.js";
import type { AccountKeys } from "../../modules/encryption/index.js";
import type { WorkloadVpc } from "../../modules/vpc/index.js";

/** Props of {@link AppTier}; every section of the app tier reads the parts it needs. */
export interface AppTierProps {
  readonly env: WorkloadModel;
  readonly app: AppModel;
  readonly keys: AccountKeys;
  readonly alertTopicArn: string;
  readonly vpc: WorkloadVpc;
  /** Makes an aliased provider for this account in another Region (the stack's `accountProvider`). */
  readonly providerIn: (alias: string, region: string) => AwsProvider;
}
