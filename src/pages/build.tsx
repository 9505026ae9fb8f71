import { useParams } from 'react-router';
import { ComingSoon } from '../components/layout/coming-soon';

export function BuildPage() {
  const { address = '' } = useParams();
  return (
    <ComingSoon
      title="Build"
      intro={`Ready-to-paste code to call provider ${address} from your own app.`}
      items={[
        'TypeScript with the 0G SDK, JavaScript and Python with the OpenAI client, cURL and the 0G CLI',
        'Filled in for this provider and network, each snippet run in our tests',
      ]}
    />
  );
}
