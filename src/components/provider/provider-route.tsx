import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { getAddress, isAddress, type Address } from 'viem';
import { useService } from '../../hooks/marketplace/use-services';
import { useNetwork } from '../../hooks/network/use-network';
import type { Service } from '../../lib/chain/services';
import { QueryError } from '../ui/query-error';

/**
 * A page about the provider in the URL (`:address`) on the shown network: it reads the service, and
 * says so plainly while loading, when reading fails (with Retry), when the address is not one, and
 * when the provider has no service here.
 */
export function ProviderRoute(props: {
  notAnAddress: (text: string) => ReactNode;
  noService: (provider: Address, networkName: string) => ReactNode;
  children: (service: Service) => ReactNode;
}) {
  const { address = '' } = useParams();
  const provider: Address | null = isAddress(address) ? getAddress(address) : null;
  const { network } = useNetwork();
  const service = useService(provider);
  if (!provider) return props.notAnAddress(address);
  if (service.isPending) return <p role="status">Loading provider…</p>;
  if (service.isError)
    return (
      <QueryError
        what={`this provider from ${network.chain.name}`}
        error={service.error}
        onRetry={() => void service.refetch()}
      />
    );
  if (!service.data) return props.noService(provider, network.chain.name);
  return props.children(service.data);
}
