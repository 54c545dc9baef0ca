/** The notifier port: tells subscribers that a new digest version is out. */
export interface DigestNotice {
  subject: string;
  message: string;
  attributes: Record<string, string>;
}

export interface Notifier {
  publish(notice: DigestNotice): Promise<void>;
}
