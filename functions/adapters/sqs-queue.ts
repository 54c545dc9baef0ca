import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { QueueMessage, QueuePort } from '../ports/queue';

export class SqsQueue implements QueuePort {
  constructor(
    private readonly queueUrl: string,
    private readonly client: SQSClient = new SQSClient({}),
  ) {}

  async send(message: QueueMessage): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: message.body,
        ...(message.groupId ? { MessageGroupId: message.groupId } : {}),
        ...(message.deduplicationId ? { MessageDeduplicationId: message.deduplicationId } : {}),
      }),
    );
  }
}
