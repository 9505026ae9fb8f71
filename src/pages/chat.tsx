import { ComingSoon } from '../components/layout/coming-soon';

export function ChatPage() {
  return (
    <ComingSoon
      title="Chat"
      intro="Talk to a chat provider, with every answer checked against its TEE signature automatically."
      items={[
        'Streaming answers with a verification badge bound to the exact bytes you received',
        'Estimated cost before sending and the actual cost after',
        'Conversations kept in this browser, per wallet and network',
      ]}
    />
  );
}
