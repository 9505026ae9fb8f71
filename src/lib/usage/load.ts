import type { Hash } from 'viem';
import type { ChatStore } from '../chat/store';
import type { MediaStore } from '../media/types';
import { chatRecords, mediaRecords, type UsageRecord } from './records';
import type { SenderOf } from './spend';

/** Every request this browser recorded for `owner` on `chainId`: chat answers, pictures and transcripts. */
export async function loadUsageRecords(
  chat: ChatStore,
  media: MediaStore,
  chainId: number,
  owner: string,
): Promise<UsageRecord[]> {
  const [conversations, images, transcripts] = await Promise.all([
    chat.list(chainId, owner),
    media.list(chainId, owner, { kind: 'image' }),
    media.list(chainId, owner, { kind: 'transcript' }),
  ]);
  return [...chatRecords(conversations), ...mediaRecords(images), ...mediaRecords(transcripts)];
}

/** The sender of each settlement transaction (lowercase hash to lowercase address, null when unreadable). */
export async function settlementSenders(
  hashes: readonly Hash[],
  senderOf: SenderOf,
): Promise<Map<string, string | null>> {
  const found = await Promise.all(
    hashes.map(async (hash) => {
      try {
        return [hash.toLowerCase(), (await senderOf(hash))?.toLowerCase() ?? null] as const;
      } catch {
        // One unreadable transaction leaves its fee unattributed rather than failing every figure.
        return [hash.toLowerCase(), null] as const;
      }
    }),
  );
  return new Map(found);
}
