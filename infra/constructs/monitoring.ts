import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INGEST_SIZING } from '../stage-config';
import { LOG_METRICS } from './ingest-function';

export interface MonitoringProps {
  stage: string;
  ingest: lambda.IFunction;
  failures: sqs.IQueue;
  table: dynamodb.ITable;
  metricsNamespace: string;
  /** Encrypts the alarm topic; its key policy must let CloudWatch use it. */
  topicKey: kms.IKey;
  alarmEmail?: string;
}

/** Minutes an S3 event may wait for the (serialized) function before someone is told. */
export const EVENT_AGE_ALARM_MINUTES = 30;

/**
 * Alarms on everything that means an upload is not becoming part of the digest (errors, failed
 * events, events waiting too long or dropped, lasting throttling, runs close to the timeout), an
 * encrypted topic they notify, and a dashboard.
 */
export class Monitoring extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { ingest, failures } = props;
    const fiveMinutes = Duration.minutes(5);

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', { displayName: `corroborate ${props.stage} alarms`, masterKey: props.topicKey, enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const eventAge = ingest.metric('AsyncEventAge', { statistic: 'Maximum', period: fiveMinutes });
    const dropped = ingest.metric('AsyncEventsDropped', { statistic: 'Sum', period: fiveMinutes });
    const failuresQueued = failures.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: fiveMinutes });

    const alarm = (id: string, props: cloudwatch.AlarmProps) => {
      const created = new cloudwatch.Alarm(this, id, { treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...props });
      created.addAlarmAction(new actions.SnsAction(this.alarmTopic));
      created.addOkAction(new actions.SnsAction(this.alarmTopic));
      this.alarms.push(created);
      return created;
    };
    alarm('IngestErrors', {
      alarmDescription: 'The ingest function failed (an infrastructure error; unreadable input is set aside, not an error). Failed events are retried twice, then land in the failure queue.',
      metric: ingest.metricErrors({ statistic: 'Sum', period: fiveMinutes }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm('IngestThrottles', {
      alarmDescription:
        'The ingest function has been throttled for 15 minutes in a row. It runs one invocation at a time on purpose, so bursts throttle briefly; lasting throttling means uploads arrive faster than they are ingested (see event age).',
      metric: ingest.metricThrottles({ statistic: 'Sum', period: fiveMinutes }),
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm('IngestEventAge', {
      alarmDescription: `An S3 event has waited more than ${EVENT_AGE_ALARM_MINUTES} minutes for the ingest function (events are dropped to the failure queue after ${INGEST_SIZING.maxEventAge.toHours()} hours).`,
      metric: eventAge,
      threshold: Duration.minutes(EVENT_AGE_ALARM_MINUTES).toMilliseconds(),
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    alarm('IngestEventsDropped', {
      alarmDescription: 'Lambda dropped S3 events for the ingest function (too old or out of retries).',
      metric: dropped,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm('FailedEventsQueued', {
      alarmDescription: 'S3 events that the ingest function could not process are waiting in the failure queue: see README "Deploying to AWS" for how to replay them.',
      metric: failuresQueued,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm('IngestNearTimeout', {
      alarmDescription: `An ingest run took more than 80% of its ${INGEST_SIZING.timeout.toSeconds()} s timeout.`,
      metric: ingest.metricDuration({ statistic: 'Maximum', period: fiveMinutes }),
      threshold: INGEST_SIZING.timeout.toMilliseconds() * 0.8,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });

    const logMetric = (name: string, label: string) =>
      new cloudwatch.Metric({ namespace: props.metricsNamespace, metricName: name, statistic: 'Sum', period: fiveMinutes, label });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `corroborate-${props.stage}`,
      defaultInterval: Duration.hours(24),
      widgets: [
        [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 3 })],
        [
          new cloudwatch.GraphWidget({
            title: 'Articles',
            left: [
              logMetric(LOG_METRICS.ingested.metricName, 'ingested'),
              logMetric(LOG_METRICS.duplicates.metricName, 'duplicates'),
              logMetric(LOG_METRICS.rejected.metricName, 'set aside'),
              logMetric(LOG_METRICS.digests.metricName, 'digests published'),
            ],
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'Ingest invocations',
            left: [ingest.metricInvocations({ statistic: 'Sum', period: fiveMinutes }), ingest.metricErrors({ statistic: 'Sum', period: fiveMinutes }), ingest.metricThrottles({ statistic: 'Sum', period: fiveMinutes })],
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'Ingest duration (ms)',
            left: [ingest.metricDuration({ statistic: 'p50', period: fiveMinutes }), ingest.metricDuration({ statistic: 'p99', period: fiveMinutes }), ingest.metricDuration({ statistic: 'Maximum', period: fiveMinutes })],
            leftAnnotations: [{ value: INGEST_SIZING.timeout.toMilliseconds(), label: 'timeout' }],
            width: 8,
          }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Oldest waiting S3 event (ms)', left: [eventAge], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Failed events', left: [failuresQueued], right: [dropped], width: 8 }),
          new cloudwatch.GraphWidget({
            title: 'Ledger table',
            left: [props.table.metricConsumedReadCapacityUnits({ statistic: 'Sum', period: fiveMinutes }), props.table.metricConsumedWriteCapacityUnits({ statistic: 'Sum', period: fiveMinutes })],
            width: 8,
          }),
        ],
      ],
    });
  }
}
