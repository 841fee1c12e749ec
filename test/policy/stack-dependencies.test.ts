import { describe, expect, it } from "vitest";
import { SynthStack } from "../../src/policy/index.js";

const stack = new SynthStack("t", {
  resource: {
    aws_ecs_cluster: { c: { name: "acme" } },
    aws_ecs_service: { s: { name: "api", cluster: "${aws_ecs_cluster.c.arn}" } },
    aws_cloudwatch_metric_alarm: { a: { alarm_name: "x", dimensions: { ServiceName: "${aws_ecs_service.s.name}" } } },
    aws_codedeploy_deployment_group: {
      via_alarm: { alarm_configuration: { alarms: ["${aws_cloudwatch_metric_alarm.a.alarm_name}"] } },
      explicit: { depends_on: ["aws_ecs_service.s"] },
      plain: { ecs_service: { service_name: "api" } },
    },
    aws_security_group: {
      one: { description: "${aws_security_group.two.id}" },
      two: { description: "${aws_security_group.one.id}" },
    },
  },
  data: { aws_region: { here: {} } },
});
const at = (address: string) => stack.get(address)!;

describe("SynthStack dependencies", () => {
  it("lists what a resource names in expressions and in depends_on", () => {
    expect(stack.directDependencies(at("aws_ecs_service.s")).map((r) => r.address)).toEqual(["aws_ecs_cluster.c"]);
    expect(stack.directDependencies(at("aws_codedeploy_deployment_group.explicit")).map((r) => r.address)).toEqual(["aws_ecs_service.s"]);
  });

  it("follows references transitively, as Terraform orders creation", () => {
    expect(stack.dependsOn(at("aws_codedeploy_deployment_group.via_alarm"), at("aws_ecs_cluster.c"))).toBe(true);
    expect(stack.dependsOn(at("aws_codedeploy_deployment_group.explicit"), at("aws_ecs_cluster.c"))).toBe(true);
  });

  it("sees no dependency behind a plain-string name", () => {
    expect(stack.dependsOn(at("aws_codedeploy_deployment_group.plain"), at("aws_ecs_service.s"))).toBe(false);
    expect(stack.dependsOn(at("aws_ecs_cluster.c"), at("aws_ecs_service.s"))).toBe(false);
  });

  it("terminates on reference cycles", () => {
    expect(stack.dependsOn(at("aws_security_group.one"), at("aws_ecs_cluster.c"))).toBe(false);
    expect(stack.dependsOn(at("aws_security_group.one"), at("aws_security_group.two"))).toBe(true);
  });
});
