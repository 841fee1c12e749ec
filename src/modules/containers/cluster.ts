/** The ECS cluster of an environment's services, with Container Insights. */
import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { Construct } from "constructs";

/** Props of {@link AppCluster}. */
export interface AppClusterProps {
  /** Cluster name, for example `acme-prod`. */
  readonly name: string;
}

/** An ECS cluster with Container Insights `enabled` (task and service metrics in CloudWatch). */
export class AppCluster extends Construct {
  readonly clusterArn: string;
  /** Cluster name: the `ClusterName` dimension of ECS metrics. */
  readonly clusterName: string;

  constructor(scope: Construct, id: string, props: AppClusterProps) {
    super(scope, id);
    const cluster = new EcsCluster(this, "cluster", {
      name: props.name,
      setting: [{ name: "containerInsights", value: "enabled" }],
      tags: { Name: props.name },
    });
    this.clusterArn = cluster.arn;
    this.clusterName = props.name;
  }
}
