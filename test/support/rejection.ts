import { parseArticle } from '../../functions/core/parse/parse-article';
import { InputRejected } from '../../functions/core/parse/rejection';

/** The InputRejected that parsing these bytes throws; fails the test when they parse. */
export function rejectionOf(bytes: Uint8Array, key = 'inbox/a.txt'): InputRejected {
  try {
    parseArticle(bytes, { key });
  } catch (error) {
    if (error instanceof InputRejected) return error;
    throw error;
  }
  throw new Error('expected the input to be rejected');
}
