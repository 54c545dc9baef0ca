/**
 * S3 user metadata travels in HTTP headers, so a value outside ASCII is sent and returned as RFC 2047
 * encoded words (`=?UTF-8?B?...?=`), which is how S3 documents non-ASCII metadata.
 */

const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

/** A value as it can be sent in an S3 metadata header: unchanged when ASCII, else one UTF-8 encoded word. */
export function encodeMetadataValue(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** A metadata value as written: UTF-8 encoded words decoded, anything else left as it is. */
export function decodeMetadataValue(value: string): string {
  // Whitespace between two encoded words is not part of the text (RFC 2047, section 6.2).
  return value.replace(/\?=\s+=\?/g, '?==?').replace(ENCODED_WORD, (word, charset: string, encoding: string, text: string) => {
    if (!/^utf-?8$/i.test(charset)) return word;
    const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintableBytes(text);
    return new TextDecoder('utf-8').decode(bytes);
  });
}

function quotedPrintableBytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Uint8Array.from(bytes);
}
