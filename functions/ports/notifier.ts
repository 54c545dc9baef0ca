/** The notifier port: tells subscribers that a new digest version is out. */
export interface DigestNotice {
  subject: string;
  message: string;
  attributes: Record<string, string>;
  /** SNS data type per attribute ('String' when absent; 'String.Array' lets filter policies match one element). */
  attributeTypes?: Record<string, 'String' | 'String.Array' | 'Number'>;
}

export interface Notifier {
  publish(notice: DigestNotice): Promise<void>;
}
