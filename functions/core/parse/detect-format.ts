import type { InputFormat } from './article';

const BY_EXTENSION: Record<string, InputFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
};

/** The format named by the key's extension, else the content type, else what the text looks like. */
export function detectFormat(key: string, contentType: string | undefined, text: string): InputFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase();
  // Own keys only: a key ending in ".constructor" must not find Object.prototype's.
  if (extension && Object.hasOwn(BY_EXTENSION, extension)) return BY_EXTENSION[extension];
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/json' || type?.endsWith('+json')) return 'json';
  if (type === 'text/markdown') return 'markdown';
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('{')) return 'json';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|article|div|p)\b/.test(head)) return 'html';
  return 'text';
}
