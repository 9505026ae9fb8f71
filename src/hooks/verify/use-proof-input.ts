import { useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { MAX_PROOF_BYTES, parseProof, ProofError, type ProofBundle } from '../../lib/proof/bundle';
import { bundleFromFragment } from '../../lib/proof/share';
import { readProofFile } from '../../lib/proof/zip';

/** A proof taken in, ready to check; `key` is new for every one taken, so each is checked afresh. */
export interface LoadedProof {
  key: string;
  bundle: ProofBundle;
  media?: { file: string; type: string; bytes: Uint8Array };
  from: 'link' | 'file' | 'text';
  /** The file's name, for a file. */
  name?: string;
}

type Taken = { loaded: LoadedProof; error: null } | { loaded: null; error: string };

const MB = MAX_PROOF_BYTES / (1024 * 1024);
const TOO_BIG = `This is larger than ${MB} MB, the largest proof this page reads.`;

/** The sentence for a proof that could not be read: the library's own for a ProofError, a plain one otherwise. */
function problem(err: unknown, what: string): string {
  if (err instanceof ProofError && err.message) return err.message;
  return `${what} could not be read as a proof.`;
}

function fromFragment(hash: string): Taken | null {
  if (!hash.startsWith('#p=')) return null;
  try {
    return { loaded: { key: `link:${hash}`, bundle: bundleFromFragment(hash), from: 'link' }, error: null };
  } catch (err) {
    return { loaded: null, error: problem(err, 'The link') };
  }
}

/**
 * The proof on the page: one pasted or opened here, or else the one in the link's fragment (`#p=…`, never sent to
 * a server). Nothing read here is trusted: every failure is a sentence, and a new link replaces what was opened.
 */
export function useProofInput() {
  const { hash } = useLocation();
  const linked = useMemo(() => fromFragment(hash), [hash]);
  // What was taken here, remembered with the fragment it was taken under: following a new link shows that link.
  const [taken, setTaken] = useState<{ hash: string; taken: Taken } | null>(null);
  const [reading, setReading] = useState(false);
  const count = useRef(0);
  const current = taken && taken.hash === hash ? taken.taken : linked;

  const take = (next: Taken) => setTaken({ hash, taken: next });
  const key = (from: string) => `${from}:${++count.current}`;

  function takeText(text: string) {
    if (text.trim() === '') return take({ loaded: null, error: 'Paste a proof (its JSON) first.' });
    if (text.length > MAX_PROOF_BYTES) return take({ loaded: null, error: TOO_BIG });
    try {
      take({ loaded: { key: key('text'), bundle: parseProof(text), from: 'text' }, error: null });
    } catch (err) {
      take({ loaded: null, error: problem(err, 'The text') });
    }
  }

  async function takeFile(file: File) {
    // Refused before reading: a huge file is never loaded into memory.
    if (file.size > MAX_PROOF_BYTES) return take({ loaded: null, error: TOO_BIG });
    setReading(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { bundle, media } = await readProofFile(bytes, file.name);
      const loaded: LoadedProof = { key: key('file'), bundle, from: 'file', name: file.name };
      if (media) loaded.media = media;
      take({ loaded, error: null });
    } catch (err) {
      take({ loaded: null, error: problem(err, 'This file') });
    } finally {
      setReading(false);
    }
  }

  return {
    loaded: current?.loaded ?? null,
    error: current?.error ?? null,
    reading,
    takeText,
    takeFile: (file: File) => void takeFile(file),
  };
}
