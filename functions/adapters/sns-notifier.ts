import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { DigestNotice, Notifier } from '../ports/notifier';

export class SnsNotifier implements Notifier {
  constructor(
    private readonly topicArn: string,
    private readonly client: SNSClient = new SNSClient({}),
  ) {}

  async publish(notice: DigestNotice): Promise<void> {
    await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: notice.subject.slice(0, 100),
        Message: notice.message,
        MessageAttributes: Object.fromEntries(Object.entries(notice.attributes).map(([name, value]) => [name, { DataType: notice.attributeTypes?.[name] ?? 'String', StringValue: value }])),
      }),
    );
  }
}
