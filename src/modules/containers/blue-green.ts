/**
 * Blue-green releases of one ECS service with CodeDeploy: an application (compute platform ECS), a
 * deployment group that shifts the production listener from the blue to the green target group after
 * test traffic on the test listener, and rolls back automatically when a deployment fails or one of its
 * alarms fires (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html).
 *
 * The alarms watch both target groups together (metric math over each group's metric): target 5XX
 * responses and unhealthy hosts. CodeDeploy puts the replacement tasks in whichever group is idle, which
 * alternates with every release, so an alarm on one fixed group would watch the idle group after the first
 * swap. A release is started outside Terraform (CI: `aws deploy create-deployment` with an AppSpec naming
 * the new task definition).
 *
 * The deployment group names the service, the cluster and the target groups by references to their
 * resources (`aws_ecs_service.name`, ...), so Terraform creates it after them: CreateDeploymentGroup needs
 * the service to exist with the CODE_DEPLOY controller
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/migrate-codedeploy-to-ecs-bluegreen.html).
 */
import { CloudwatchMetricAlarm, type CloudwatchMetricAlarmMetricQuery } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { CodedeployApp } from "@cdktf/provider-aws/lib/codedeploy-app";
import { CodedeployDeploymentGroup } from "@cdktf/provider-aws/lib/codedeploy-deployment-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { policyJson, serviceAssumesRole } from "../iam/index.js";

/** Props of {@link BlueGreenDeployment}. */
export interface BlueGreenDeploymentProps {
  /** Name of the application and deployment group, for example `acme-prod-api`. */
  readonly name: string;
  /** ECS cluster name (the cluster is created before the service, which this group depends on). */
  readonly clusterName: string;
  /** `aws_ecs_service.name` as a reference (`FargateService.serviceNameRef`), never a plain string: it orders the group after the service. */
  readonly serviceName: string;
  /** [blue, green] `aws_lb_target_group.name` references (`FargateService.targetGroupNames`). */
  readonly targetGroupNames: readonly [string, string];
  /** [blue, green] target group `arn_suffix`es: the rollback alarms watch both. */
  readonly targetGroupArnSuffixes: readonly [string, string];
  /** ALB `arn_suffix` (alarm dimension). */
  readonly albArnSuffix: string;
  readonly prodListenerArn: string;
  readonly testListenerArn: string;
  /** SNS topic notified by the rollback alarms. */
  readonly alarmTopicArn: string;
  /** CodeDeploy deployment config. @default "CodeDeployDefault.ECSCanary10Percent5Minutes" */
  readonly deploymentConfigName?: string;
  /** @default "aws" */
  readonly partition?: string;
}

/** CodeDeploy application, deployment group, service role and rollback alarms of one service. */
export class BlueGreenDeployment extends Construct {
  readonly applicationName: string;
  readonly deploymentGroupName: string;
  /** Names of the alarms that stop and roll back a deployment. */
  readonly rollbackAlarmNames: readonly string[];

  constructor(scope: Construct, id: string, props: BlueGreenDeploymentProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const app = new CodedeployApp(this, "application", { name: props.name, computePlatform: "ECS" });
    const role = new IamRole(this, "role", {
      name: `${props.name}-codedeploy`,
      assumeRolePolicy: policyJson([serviceAssumesRole("codedeploy.amazonaws.com")]),
    });
    new IamRolePolicyAttachment(this, "role-policy", {
      role: role.name,
      policyArn: `arn:${partition}:iam::aws:policy/AWSCodeDeployRoleForECS`,
    });
    // One query per target group and their sum: the idle group reports no data, FILL counts it as 0.
    const bothGroups = (metricName: string, stat: string): CloudwatchMetricAlarmMetricQuery[] => [
      ...props.targetGroupArnSuffixes.map((targetGroup, i) => ({
        id: `group${i}`,
        metric: {
          namespace: "AWS/ApplicationELB",
          metricName,
          dimensions: { LoadBalancer: props.albArnSuffix, TargetGroup: targetGroup },
          period: 60,
          stat,
        },
      })),
      { id: "total", expression: "FILL(group0, 0) + FILL(group1, 0)", label: `${metricName}, both target groups`, returnData: true },
    ];
    const alarm = (key: string, metricName: string, threshold: number) =>
      new CloudwatchMetricAlarm(this, `${key}-alarm`, {
        alarmName: `${props.name}-deploy-${key}`,
        alarmDescription: `Rolls back a blue-green deployment of ${props.name}`,
        metricQuery: bothGroups(metricName, metricName === "UnHealthyHostCount" ? "Maximum" : "Sum"),
        evaluationPeriods: 2,
        threshold,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [props.alarmTopicArn],
      });
    const alarms = [alarm("target-5xx", "HTTPCode_Target_5XX_Count", 10), alarm("unhealthy-hosts", "UnHealthyHostCount", 1)];
    const group = new CodedeployDeploymentGroup(this, "deployment-group", {
      appName: app.name,
      deploymentGroupName: props.name,
      serviceRoleArn: role.arn,
      deploymentConfigName: props.deploymentConfigName ?? "CodeDeployDefault.ECSCanary10Percent5Minutes",
      deploymentStyle: { deploymentOption: "WITH_TRAFFIC_CONTROL", deploymentType: "BLUE_GREEN" },
      blueGreenDeploymentConfig: {
        deploymentReadyOption: { actionOnTimeout: "CONTINUE_DEPLOYMENT" },
        terminateBlueInstancesOnDeploymentSuccess: { action: "TERMINATE", terminationWaitTimeInMinutes: 15 },
      },
      ecsService: { clusterName: props.clusterName, serviceName: props.serviceName },
      loadBalancerInfo: {
        targetGroupPairInfo: {
          prodTrafficRoute: { listenerArns: [props.prodListenerArn] },
          testTrafficRoute: { listenerArns: [props.testListenerArn] },
          targetGroup: props.targetGroupNames.map((name) => ({ name })),
        },
      },
      autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
      alarmConfiguration: { enabled: true, alarms: alarms.map((a) => a.alarmName) },
    });
    this.applicationName = app.name;
    this.deploymentGroupName = group.deploymentGroupName;
    this.rollbackAlarmNames = alarms.map((a) => a.alarmName);
  }
}
