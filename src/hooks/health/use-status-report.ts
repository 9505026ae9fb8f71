import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Network } from '../../lib/chain/networks';
import { rememberReport } from '../../lib/health/health-index';
import {
  fetchStatusReport,
  serviceStatusOf,
  StatusReportError,
  type StatusProblem,
} from '../../lib/health/status-report';
import { queryKeys } from '../../lib/query-keys';
import { useNetwork } from '../network/use-network';

/** 0G's status report for a network, refreshed every minute while a screen shows it; null when it has none. */
export function statusReportQueryOptions(network: Network) {
  return queryOptions({
    queryKey: queryKeys.providerStatus({ chainId: network.chain.id }),
    queryFn: async () => {
      const url = network.statusUrl;
      return url ? fetchStatusReport(url) : null;
    },
    staleTime: 60_000,
    refetchInterval: 60_000,
    // One failure is the answer: the browser's own checks carry on meanwhile, and the next round asks again.
    retry: false,
  });
}

/** The status report of the network on screen. */
export function useStatusReport() {
  const { network } = useNetwork();
  const query = useQuery(statusReportQueryOptions(network));
  const report = query.data ?? null;
  useEffect(() => rememberReport(report), [report]);
  return query;
}

/** 0G's figures for one service, or why there are none (`problem`; `listed: false` when the report lacks it). */
export function useServiceStatus(s: { provider: string; model: string; serviceType: string } | undefined) {
  const query = useStatusReport();
  const report = query.data ?? null;
  const problem: StatusProblem | null = query.isError
    ? query.error instanceof StatusReportError
      ? query.error.problem
      : 'malformed'
    : null;
  return {
    /** True until the first answer (or failure). */
    loading: query.isPending,
    /** False on a network without a status service. */
    available: query.data !== null,
    problem,
    reportedAt: report?.timestamp ?? null,
    status: report && s ? serviceStatusOf(report, s) : null,
  };
}
