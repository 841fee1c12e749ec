/**
 * Blue-green releases of one ECS service with CodeDeploy: an application (compute platform ECS), a
 * deployment group that shifts the production listener from the blue to the green target group after
 * test traffic on the test listener, and rolls back automatically when a deployment fails or one of its
 * alarms fires (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html).
 *
 * The alarms watch the green target group: target 5XX responses and unhealthy hosts. A release is
 * started outside Terraform (CI: `aws deploy create-deployment` with an AppSpec naming the new task
 * definition).
 */
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
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
  readonly clusterName: string;
  readonly serviceName: string;
  /** [blue, green] target group names. */
  readonly targetGroupNames: readonly [string, string];
  /** `arn_suffix` of the green target group (alarm dimension). */
  readonly greenTargetGroupArnSuffix: string;
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
    const dims = { LoadBalancer: props.albArnSuffix, TargetGroup: props.greenTargetGroupArnSuffix };
    const alarm = (key: string, metricName: string, threshold: number) =>
      new CloudwatchMetricAlarm(this, `${key}-alarm`, {
        alarmName: `${props.name}-deploy-${key}`,
        alarmDescription: `Rolls back a blue-green deployment of ${props.serviceName}`,
        namespace: "AWS/ApplicationELB",
        metricName,
        dimensions: dims,
        statistic: metricName === "UnHealthyHostCount" ? "Maximum" : "Sum",
        period: 60,
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
