import type { ObjectStore, StoredObject, StoredObjectHead } from '../ports/object-store';

/** In-process object store for unit tests and offline runs. */
export class MemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, StoredObject>();

  async head(key: string): Promise<StoredObjectHead | undefined> {
    const object = this.objects.get(key);
    if (!object) return undefined;
    const { body: _body, ...head } = object;
    return head;
  }

  async get(key: string): Promise<StoredObject | undefined> {
    return this.objects.get(key);
  }

  async put(key: string, body: string | Uint8Array, contentType: string, metadata: Record<string, string> = {}): Promise<void> {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    this.objects.set(key, { body: bytes, size: bytes.length, contentType, metadata, etag: `"${this.objects.size}-${bytes.length}"` });
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    const object = this.objects.get(fromKey);
    if (!object) throw new Error(`no object at ${fromKey}`);
    this.objects.set(toKey, { ...object });
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }
}
