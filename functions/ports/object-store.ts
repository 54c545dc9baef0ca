/** The object-store port (S3 or its emulator). */
export interface StoredObjectHead {
  size: number;
  etag?: string;
  contentType?: string;
  metadata: Record<string, string>;
}

export interface StoredObject extends StoredObjectHead {
  body: Uint8Array;
}

export interface ObjectStore {
  head(key: string): Promise<StoredObjectHead | undefined>;
  get(key: string): Promise<StoredObject | undefined>;
  put(key: string, body: string | Uint8Array, contentType: string, metadata?: Record<string, string>): Promise<void>;
  copy(fromKey: string, toKey: string): Promise<void>;
  delete(key: string): Promise<void>;
}
