/** Why an input could not become an article. Shown to the user in the rejection record. */
export type RejectionCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'invalid-encoding'
  | 'invalid-json'
  | 'invalid-shape'
  | 'no-article-text';

export class InputRejected extends Error {
  constructor(
    readonly code: RejectionCode,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'InputRejected';
  }
}
