import { InputRejected } from './rejection';

const BINARY_SIGNATURES: Array<[string, number[]]> = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive (or Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
];

/**
 * Turns stored bytes into text, or says why they are not text. UTF-16 is accepted only with a
 * byte-order mark, because without one it cannot be told apart from binary reliably.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputRejected('empty', 'the object is empty');
  for (const [name, signature] of BINARY_SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) {
      throw new InputRejected('binary', `the object is a ${name}, not an article in text, HTML or JSON`);
    }
  }
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new InputRejected('invalid-encoding', 'the object is not valid UTF-8 (and has no UTF-16 byte-order mark)');
    }
  }
  if (looksBinary(text)) throw new InputRejected('binary', 'the object contains control characters: it looks like binary data');
  if (text.trim().length === 0) throw new InputRejected('empty', 'the object holds only white space');
  return text;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control += 1;
  }
  return control > sample.length * 0.01;
}
