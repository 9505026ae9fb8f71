import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openChatStore } from '../chat/store';
import type { Conversation } from '../chat/types';
import { openMediaStore } from '../media/store';
import type { MediaItem } from '../media/types';
import { loadUsageRecords, settlementSenders } from './load';

const OWNER = '0xdD2FD4581271e230360230F9337D5c0430Bf44C0';
const P = '0x00000000000000000000000000000000000000aa';

describe('loadUsageRecords', () => {
  it("reads the wallet's chat answers, pictures and transcripts on one chain only", async () => {
    const factory = new IDBFactory();
    const chat = openChatStore(factory);
    const media = openMediaStore(factory);
    const conv = (id: string, chainId: number): Conversation => ({
      id,
      chainId,
      owner: OWNER,
      title: id,
      systemPrompt: '',
      temperature: 1,
      maxTokens: 10,
      messages: [{ id: 'm', role: 'assistant', content: 'x', provider: P, status: 'complete', createdAt: 1 }],
      createdAt: 1,
      updatedAt: 1,
    });
    await chat.put(conv('here', 31337));
    await chat.put(conv('elsewhere', 16661));
    const item = (id: string, kind: MediaItem['kind']): MediaItem => ({
      id,
      kind,
      chainId: 31337,
      owner: OWNER,
      createdAt: 2,
      provider: P,
      model: 'm',
      serviceUrl: 'https://p.example',
      chatId: null,
      prompt: '',
      settings: {},
      verification: { state: 'verified', reason: '' },
      requestSha256: 'aa',
      responseSha256: 'bb',
      mediaSha256: 'cc',
      mediaType: 'image/png',
      bytes: 1,
    });
    await media.put(item('i', 'image'));
    await media.put(item('t', 'transcript'));
    const records = await loadUsageRecords(chat, media, 31337, OWNER);
    expect(records.map((r) => r.kind).sort()).toEqual(['chat', 'image', 'transcript']);
  });
});

describe('settlementSenders', () => {
  it('maps each hash to its lowercase sender, and an unreadable one to null', async () => {
    const senders = await settlementSenders(['0xAB', '0xCD'], async (hash) => {
      if (hash === '0xCD') throw new Error('not found');
      return '0x00000000000000000000000000000000000000AA';
    });
    expect([...senders]).toEqual([
      ['0xab', P],
      ['0xcd', null],
    ]);
  });
});
