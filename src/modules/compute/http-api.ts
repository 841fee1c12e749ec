/**
 * An API Gateway HTTP API in front of the app tier's Lambda functions: the API, its `$default` stage (auto
 * deploy, JSON access logs to a KMS-encrypted log group, throttling per route), and per function an
 * `AWS_PROXY` integration (payload format 2.0), its routes and the permission letting this API invoke it.
 *
 * - Integration timeout: at most 30 s for an HTTP API (not increasable), so it is the function's timeout,
 *   capped there (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html).
 * - Access logs need no account-level CloudWatch role: that role (`aws_api_gateway_account`) is for REST APIs;
 *   HTTP APIs deliver logs with the caller's `logs:CreateLogDelivery` permissions
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html).
 * - The permission is scoped to this API (`source_arn` = `<execution ARN>/*`), so no other API may invoke the function
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
 */
import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { Construct } from "constructs";

/** The longest an HTTP API waits for an integration, in milliseconds. */
export const HTTP_API_MAX_TIMEOUT_MS = 30_000;

/** Props of {@link HttpApi}. */
export interface HttpApiProps {
  /** API name, for example `acme-prod-api`; the access log group is `/aws/apigateway/<name>`. */
  readonly name: string;
  /** KMS key of the access log group (its policy admits CloudWatch Logs). */
  readonly logKmsKeyArn: string;
  /** Access log retention, days. */
  readonly logRetentionDays: number;
}

/** One function's routes on the API. */
export interface HttpApiFunctionRoutes {
  /** Construct id prefix, for example the service name. */
  readonly id: string;
  /** The function's name (`aws_lambda_permission.function_name`). */
  readonly functionName: string;
  /** The function's `invoke_arn` (the integration URI). */
  readonly invokeArn: string;
  /** The function's timeout, seconds. */
  readonly timeoutSeconds: number;
  /** Route keys such as `ANY /orders/{proxy+}`. */
  readonly routeKeys: readonly string[];
  /** Steady-state requests per second of each of the function's routes. */
  readonly throttlingRateLimit: number;
  /** Burst of requests of each of the function's routes. */
  readonly throttlingBurstLimit: number;
}

/** The API, its stage and access log group; functions join with {@link HttpApi.addFunction}. */
export class HttpApi extends Construct {
  /** `aws_apigatewayv2_api.id` (the `ApiId` dimension of its metrics). */
  readonly apiId: string;
  /** `https://<id>.execute-api.<region>.amazonaws.com`. */
  readonly apiEndpoint: string;
  /** `arn:aws:execute-api:<region>:<account>:<id>`: the source ARN of the invoke permissions. */
  readonly executionArn: string;
  /** The access log group's name. */
  readonly logGroupName: string;
  private readonly accessLogGroup: CloudwatchLogGroup;
  private readonly routes: { key: string; rate: number; burst: number; route: Apigatewayv2Route }[] = [];

  constructor(
    scope: Construct,
    id: string,
    private readonly props: HttpApiProps,
  ) {
    super(scope, id);
    const api = new Apigatewayv2Api(this, "api", { name: props.name, protocolType: "HTTP", tags: { Name: props.name } });
    this.logGroupName = `/aws/apigateway/${props.name}`;
    this.accessLogGroup = new CloudwatchLogGroup(this, "access-log-group", {
      name: this.logGroupName,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logKmsKeyArn,
    });
    this.apiId = api.id;
    this.apiEndpoint = api.apiEndpoint;
    this.executionArn = api.executionArn;
  }

  /** The integration, routes and invoke permission of one function. */
  addFunction(fn: HttpApiFunctionRoutes): void {
    const integration = new Apigatewayv2Integration(this, `${fn.id}-integration`, {
      apiId: this.apiId,
      integrationType: "AWS_PROXY",
      integrationUri: fn.invokeArn,
      integrationMethod: "POST",
      payloadFormatVersion: "2.0",
      timeoutMilliseconds: Math.min(fn.timeoutSeconds * 1000, HTTP_API_MAX_TIMEOUT_MS),
    });
    fn.routeKeys.forEach((key, i) => {
      const route = new Apigatewayv2Route(this, `${fn.id}-route-${i}`, {
        apiId: this.apiId,
        routeKey: key,
        target: `integrations/${integration.id}`,
      });
      this.routes.push({ key, rate: fn.throttlingRateLimit, burst: fn.throttlingBurstLimit, route });
    });
    new LambdaPermission(this, `${fn.id}-invoke`, {
      statementId: "AllowHttpApiInvoke",
      action: "lambda:InvokeFunction",
      functionName: fn.functionName,
      principal: "apigateway.amazonaws.com",
      sourceArn: `${this.executionArn}/*`,
    });
  }

  /**
   * The `$default` stage with access logs and per-route throttling; call after every {@link addFunction}
   * (route settings name routes that must exist first).
   */
  addStage(): Apigatewayv2Stage {
    return new Apigatewayv2Stage(this, "stage", {
      apiId: this.apiId,
      name: "$default",
      autoDeploy: true,
      accessLogSettings: {
        destinationArn: this.accessLogGroup.arn,
        format: JSON.stringify({
          requestId: "$context.requestId",
          ip: "$context.identity.sourceIp",
          requestTime: "$context.requestTime",
          routeKey: "$context.routeKey",
          status: "$context.status",
          responseLength: "$context.responseLength",
          integrationError: "$context.integrationErrorMessage",
          latencyMs: "$context.responseLatency",
        }),
      },
      defaultRouteSettings: { throttlingRateLimit: 50, throttlingBurstLimit: 100, detailedMetricsEnabled: true },
      routeSettings: this.routes.map((r) => ({
        routeKey: r.key,
        throttlingRateLimit: r.rate,
        throttlingBurstLimit: r.burst,
        detailedMetricsEnabled: true,
      })),
      dependsOn: this.routes.map((r) => r.route),
      tags: { Name: this.props.name },
    });
  }
}
