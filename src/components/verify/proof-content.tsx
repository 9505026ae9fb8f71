import { useMemo, type ReactNode } from 'react';
import { useObjectUrl } from '../../hooks/ui/use-object-url';
import type { LoadedProof } from '../../hooks/verify/use-proof-input';
import { parseImageAnswer } from '../../lib/media/image-answer';
import type { AnswerProof } from '../../lib/proof/bundle';
import { sniffAudio, sniffImage } from '../../lib/media/sniff';
import { parseTranscript, type Transcript } from '../../lib/media/transcript';
import { Markdown } from '../chat/markdown';
import { TranscriptView } from '../speech/transcript-view';
import { base64Bytes, chatText } from './chat-text';
import { DeliveryContent } from './delivery-content';

const blobOf = (bytes: Uint8Array, type: string) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });

/** The picture: the bundle's file when it is one, else the first inline picture of the response; typed by its bytes. */
function pictureBlob(loaded: LoadedProof, response: Uint8Array | null): Blob | null {
  const file = loaded.media?.bytes;
  const fromFile = file ? sniffImage(file) : null;
  if (file && fromFile) return blobOf(file, fromFile);
  if (!response) return null;
  try {
    const first = parseImageAnswer(response).find((i) => i.kind === 'bytes');
    const mime = first ? sniffImage(first.bytes) : null;
    return first && mime ? blobOf(first.bytes, mime) : null;
  } catch {
    return null;
  }
}

function audioBlob(loaded: LoadedProof): Blob | null {
  const file = loaded.media?.bytes;
  const type = file ? sniffAudio(file) : null;
  return file && type ? blobOf(file, type.mime) : null;
}

function Picture({ blob }: { blob: Blob }) {
  const url = useObjectUrl(blob);
  return url ? (
    <img src={url} alt="The picture in the proof" className="max-h-[32rem] max-w-full rounded-lg object-contain" />
  ) : null;
}

const Note = ({ children }: { children: ReactNode }) => (
  <p className="text-sm text-zinc-700 dark:text-zinc-300">{children}</p>
);

/**
 * What the proof's bytes say, shown safely: a chat answer as Markdown without raw HTML, a picture from a Blob (typed
 * by its bytes, never by the bundle's word), a transcript as text beside its audio. Nothing here is executed.
 */
export function ProofContent({ loaded, allowLocalHttp }: { loaded: LoadedProof; allowLocalHttp: boolean }) {
  const { bundle } = loaded;
  return bundle.kind === 'fine-tuning' ? (
    <DeliveryContent bundle={bundle} media={loaded.media} />
  ) : (
    <AnswerContent loaded={loaded} bundle={bundle} allowLocalHttp={allowLocalHttp} />
  );
}

function AnswerContent({
  loaded,
  bundle,
  allowLocalHttp,
}: {
  loaded: LoadedProof;
  bundle: AnswerProof;
  allowLocalHttp: boolean;
}) {
  const response = useMemo(
    () => (bundle.response.bytes ? base64Bytes(bundle.response.bytes) : null),
    [bundle.response.bytes],
  );
  const chat = useMemo(() => (bundle.kind === 'chat' && response ? chatText(response) : null), [bundle.kind, response]);
  const picture = useMemo(
    () => (bundle.kind === 'image' ? pictureBlob(loaded, response) : null),
    [bundle.kind, loaded, response],
  );
  const audio = useMemo(() => (bundle.kind === 'transcript' ? audioBlob(loaded) : null), [bundle.kind, loaded]);
  const transcript = useMemo((): Transcript | null => {
    if (bundle.kind !== 'transcript' || !response) return null;
    try {
      return parseTranscript(response);
    } catch {
      return null;
    }
  }, [bundle.kind, response]);

  if (!response && !loaded.media)
    return (
      <Note>
        Content is not included in this proof: it carries only the hashes. Open or drop the whole proof file (with the
        bytes) above to see the content and check it against these hashes.
      </Note>
    );
  if (bundle.kind === 'chat')
    return chat ? (
      <div className="flex flex-col gap-2">
        {chat.reasoning && (
          <details className="text-sm text-zinc-700 dark:text-zinc-300">
            <summary className="cursor-pointer">Reasoning</summary>
            <p className="mt-1 whitespace-pre-wrap">{chat.reasoning}</p>
          </details>
        )}
        <Markdown text={chat.content} allowLocalHttp={allowLocalHttp} />
      </div>
    ) : (
      <Note>The response bytes are not a chat answer this page can read, so no text is shown.</Note>
    );
  if (bundle.kind === 'image')
    return picture ? (
      <Picture blob={picture} />
    ) : (
      <Note>The proof holds no PNG, JPEG or WebP picture this page can show.</Note>
    );
  if (bundle.kind === 'transcript')
    return transcript ? (
      <TranscriptView text={transcript.text} segments={transcript.segments} audio={audio} />
    ) : (
      <Note>The response bytes are not a transcription this page can read, so no text is shown.</Note>
    );
  return <Note>This kind of proof has no content this page can show.</Note>;
}
