import type { DigestNotice, Notifier } from '../ports/notifier';

/** Keeps every notice, and optionally echoes it: the local stand-in for the SNS topic. */
export class RecordingNotifier implements Notifier {
  readonly notices: DigestNotice[] = [];

  constructor(private readonly onNotice?: (notice: DigestNotice) => void) {}

  async publish(notice: DigestNotice): Promise<void> {
    this.notices.push(notice);
    this.onNotice?.(notice);
  }
}
