/** The queue port: hands a message to a queue (SQS on AWS, the in-process queue locally). */
export interface QueueMessage {
  body: string;
  /** FIFO queues: messages of one group are delivered one batch at a time, in order. */
  groupId?: string;
  /** FIFO queues: a second message with this id within five minutes is accepted and dropped. */
  deduplicationId?: string;
}

export interface QueuePort {
  send(message: QueueMessage): Promise<void>;
}
