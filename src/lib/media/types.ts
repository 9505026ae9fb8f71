import type { StoredVerification } from '../chat/types';

/** What a studio produced: a picture (image studio) or a transcript (speech studio). */
export type MediaKind = 'image' | 'transcript';

/** Every media kind, for validating records. */
export const MEDIA_KINDS: readonly MediaKind[] = ['image', 'transcript'];

/** A value that survives JSON and IndexedDB unchanged (so no bigint, Date, Blob or undefined inside arrays). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/** The request settings as the user chose them, so a saved item can be run again the same way. */
export interface MediaSettings {
  size?: string;
  n?: number;
  mode?: 'generate' | 'edit';
  language?: string;
  [key: string]: JsonValue | undefined;
}

/**
 * One saved result, metadata only: the pictures or audio themselves are Blobs kept apart (see MediaBlobs),
 * so a gallery of hundreds lists without reading any of them.
 */
export interface MediaItem {
  id: string;
  kind: MediaKind;
  chainId: number;
  /** Lowercase address; the store lowercases it on save. */
  owner: string;
  createdAt: number;
  provider: `0x${string}`;
  model: string;
  serviceUrl: string;
  chatId: string | null;
  prompt: string;
  settings: MediaSettings;
  /** The same record the chat keeps, so the badge reads the same on every page. */
  verification: StoredVerification;
  /** Neuron as a decimal string (IndexedDB and JSON have no bigint). */
  cost?: string;
  latencyMs?: number;
  /** Hex SHA-256 of the exact request bytes sent. */
  requestSha256: string;
  /** Hex SHA-256 of the exact response bytes received. */
  responseSha256: string;
  /** Hex SHA-256 of the saved media Blob. */
  mediaSha256: string;
  /** MIME type of the media Blob, e.g. image/png. */
  mediaType: string;
  width?: number;
  height?: number;
  /** Size of the media Blob in bytes. */
  bytes: number;
  /** The transcript, for kind 'transcript'. */
  text?: string;
  /** Where the provider said the picture was, when it answered with a URL rather than the bytes. */
  sourceUrl?: string;
}

/** What gets its own key beside an item: the full result, its small preview, and the user's own input. */
export type MediaBlobRole = 'media' | 'thumb' | 'source';

/** Every blob role, in the order they are removed. */
export const MEDIA_BLOB_ROLES: readonly MediaBlobRole[] = ['media', 'thumb', 'source'];

/** Blobs saved with an item; `source` is the uploaded picture for an edit, or the audio for a transcript. */
export type MediaBlobs = Partial<Record<MediaBlobRole, Blob>>;

/** Where a page of a listing ends; pass the last item of the previous page. */
export type MediaCursor = Pick<MediaItem, 'createdAt' | 'id'>;

/** Which items to list, newest first. */
export interface MediaListOptions {
  kind: MediaKind;
  /** Case-insensitive substring over the prompt and the transcript text. */
  query?: string;
  limit?: number;
  /** Only items listed after this one (older, or as old with a smaller id). */
  before?: MediaCursor;
}

/** Saved pictures and transcripts in this browser, per wallet address and chain. */
export interface MediaStore {
  /** Saves (or replaces) an item and the blobs given, all or nothing; blobs not given are kept. */
  put(item: MediaItem, blobs?: MediaBlobs): Promise<void>;
  /** Metadata only, newest first; never reads a Blob. */
  list(chainId: number, owner: string, options: MediaListOptions): Promise<MediaItem[]>;
  get(id: string): Promise<MediaItem | undefined>;
  media(id: string): Promise<Blob | undefined>;
  thumb(id: string): Promise<Blob | undefined>;
  /** The thumbnails of several items at once (those that have one), in one read. */
  thumbs(ids: readonly string[]): Promise<Map<string, Blob>>;
  source(id: string): Promise<Blob | undefined>;
  /** Removes an item and its blobs. */
  remove(id: string): Promise<void>;
  /** Removes every item of one kind for one wallet on one chain, with their blobs; resolves to how many. */
  removeAll(chainId: number, owner: string, kind: MediaKind): Promise<number>;
  count(chainId: number, owner: string, kind: MediaKind): Promise<number>;
}
