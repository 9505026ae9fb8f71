import { ComingSoon } from '../components/layout/coming-soon';

export function SpeechPage() {
  return (
    <ComingSoon
      title="Speech"
      intro="Transcribe audio with speech-to-text providers."
      items={['Upload or record audio and get a transcript', 'A verification badge on every transcript']}
      for={{ kind: 'inference', what: { 'speech-to-text': 'Transcription' } }}
    />
  );
}
