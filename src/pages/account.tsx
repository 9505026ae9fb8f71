import { ComingSoon } from '../components/layout/coming-soon';

export function AccountPage() {
  return (
    <ComingSoon
      title="Account"
      intro="Your ledger on this network and the sub-account you hold with each provider."
      items={[
        'Create a ledger with a first deposit, deposit more, withdraw to your wallet',
        'Transfer to a provider sub-account yourself: nothing is ever funded automatically',
        'Retrieve funds with the lock period shown as a live countdown',
        'A transaction history read from the chain, with hashes',
      ]}
    />
  );
}
