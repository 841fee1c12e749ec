/**
 * A CloudWatch dashboard of one environment: an alarm status widget, then the graphs of every alarm set
 * added, two per row. Body format:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { Lazy } from "cdktf";
import { Construct } from "constructs";
import type { AlarmSet } from "./alarm.js";

/** Props of {@link EnvironmentDashboard}. */
export interface EnvironmentDashboardProps {
  /** Dashboard name, for example `acme-prod`. */
  readonly name: string;
}

/** The dashboard; add alarm sets with {@link add} until synthesis. */
export class EnvironmentDashboard extends Construct {
  private readonly sets: AlarmSet[] = [];

  constructor(scope: Construct, id: string, props: EnvironmentDashboardProps) {
    super(scope, id);
    new CloudwatchDashboard(this, "dashboard", {
      dashboardName: props.name,
      dashboardBody: Lazy.stringValue({ produce: () => JSON.stringify(dashboardBody(this.sets)) }),
    });
  }

  /** Adds the graphs and alarms of `set` (any alarm construct of this folder). */
  add(...sets: AlarmSet[]): void {
    this.sets.push(...sets);
  }
}

/** The dashboard body for `sets`: an alarm status widget (when there are alarms) and the sets' graphs. */
export function dashboardBody(sets: readonly AlarmSet[]): { widgets: object[] } {
  const alarms = sets.flatMap((s) => s.alarmArns);
  const graphs = sets.flatMap((s) => s.widgets);
  const widgets: object[] = [];
  if (alarms.length > 0) widgets.push({ type: "alarm", x: 0, y: 0, width: 24, height: 4, properties: { title: "Alarms", alarms } });
  graphs.forEach((g, i) => {
    widgets.push({
      type: "metric",
      x: (i % 2) * 12,
      y: 4 + Math.floor(i / 2) * 6,
      width: 12,
      height: 6,
      properties: { title: g.title, region: g.region, stat: g.stat ?? "Average", period: 300, view: "timeSeries", metrics: g.metrics },
    });
  });
  if (widgets.length === 0) widgets.push({ type: "text", x: 0, y: 0, width: 24, height: 2, properties: { markdown: "No alarms yet." } });
  return { widgets };
}
