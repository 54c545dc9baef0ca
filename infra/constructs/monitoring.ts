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
import { QUEUES } from '../../functions/shared/resources';
import { INGEST_SIZING } from '../stage-config';
import { PUBLISHED_METRIC } from './digest-publisher';
import { LOG_METRICS } from './ingest-function';

export interface MonitoringProps {
  stage: string;
  ingest: lambda.IFunction;
  ingestQueue: sqs.IQueue;
  ingestDeadLetters: sqs.IQueue;
  publisher: lambda.IFunction;
  publishDeadLetters: sqs.IQueue;
  table: dynamodb.ITable;
  metricsNamespace: string;
  /** Encrypts the alarm topic; its key policy must let CloudWatch use it. */
  topicKey: kms.IKey;
  alarmEmail?: string;
}

/** Minutes the oldest inbox notification may wait in the ingest queue before someone is told. */
export const QUEUE_AGE_ALARM_MINUTES = 15;

/**
 * Alarms on everything that means an upload is not becoming part of the digest (errors, a backlog
 * that keeps growing older, messages in a dead-letter queue, lasting throttling, runs close to the
 * timeout), an encrypted topic they notify, and a dashboard.
 */
export class Monitoring extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { ingest, publisher } = props;
    const fiveMinutes = Duration.minutes(5);

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', { displayName: `corroborate ${props.stage} alarms`, masterKey: props.topicKey, enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const queueAge = props.ingestQueue.metricApproximateAgeOfOldestMessage({ statistic: 'Maximum', period: fiveMinutes });
    const queued = props.ingestQueue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: fiveMinutes });
    const deadLetters = props.ingestDeadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: fiveMinutes });
    const publishDeadLetters = props.publishDeadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: fiveMinutes });

    const alarm = (id: string, props: cloudwatch.AlarmProps) => {
      const created = new cloudwatch.Alarm(this, id, { treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING, ...props });
      created.addAlarmAction(new actions.SnsAction(this.alarmTopic));
      created.addOkAction(new actions.SnsAction(this.alarmTopic));
      this.alarms.push(created);
      return created;
    };
    alarm('IngestErrors', {
      alarmDescription:
        'The ingest function failed as a whole (an infrastructure error; unreadable input is set aside, not an error). Its batch is delivered again; a message that fails on every receive lands in the dead-letter queue.',
      metric: ingest.metricErrors({ statistic: 'Sum', period: fiveMinutes }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm('IngestThrottles', {
      alarmDescription:
        'The ingest function has been throttled for 15 minutes in a row: the account or function concurrency is below the event source mapping\'s maximum concurrency (see the queue age).',
      metric: ingest.metricThrottles({ statistic: 'Sum', period: fiveMinutes }),
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm('IngestQueueAge', {
      alarmDescription: `The oldest inbox notification has waited more than ${QUEUE_AGE_ALARM_MINUTES} minutes in the ingest queue: uploads arrive faster than they are ingested, or ingest is failing. Messages are kept ${QUEUES.ingest.retentionDays} days.`,
      metric: queueAge,
      threshold: Duration.minutes(QUEUE_AGE_ALARM_MINUTES).toSeconds(),
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    alarm('IngestDeadLetters', {
      alarmDescription: `Inbox notifications failed ${QUEUES.ingest.maxReceiveCount} times and wait in the ingest dead-letter queue: see docs/operations.md for how to redrive them.`,
      metric: deadLetters,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm('PublishDeadLetters', {
      alarmDescription: `Publish requests failed ${QUEUES.publish.maxReceiveCount} times and wait in the publish dead-letter queue: the digest may lag the ledger (docs/operations.md).`,
      metric: publishDeadLetters,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarm('PublisherErrors', {
      alarmDescription: 'The digest publisher failed; its batch of publish requests is delivered again.',
      metric: publisher.metricErrors({ statistic: 'Sum', period: fiveMinutes }),
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
              logMetric(PUBLISHED_METRIC.metricName, 'digests published'),
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
          new cloudwatch.GraphWidget({ title: 'Ingest queue: oldest message (s), messages waiting', left: [queueAge], right: [queued], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Dead-letter queues', left: [deadLetters, publishDeadLetters], width: 8 }),
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
