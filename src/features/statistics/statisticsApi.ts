import { ErrorResponseSchema } from '../../protocol/errors';
import { StatisticsReportSchema, type StatisticsReport } from '../../protocol/statistics';
import { ApiError, protocolHeaders } from '../../sync/apiClient';

export interface ReportQuery {
  from: string;
  to: string;
  teams?: string[];
  locations?: string[];
}

/**
 * GET /api/statistics. Here rather than in the app's API client so the report's schema travels in
 * the statistics chunk only.
 */
export async function fetchReport(
  token: string,
  query: ReportQuery,
  doFetch: typeof fetch = (...args) => fetch(...args),
): Promise<StatisticsReport> {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.teams) params.set('teams', query.teams.join(','));
  if (query.locations) params.set('locations', query.locations.join(','));
  let response: Response;
  try {
    response = await doFetch(`/api/statistics?${params.toString()}`, {
      headers: { ...protocolHeaders(token), accept: 'application/json' },
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError('network', String(error));
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ErrorResponseSchema.safeParse(json);
    throw parsed.success
      ? new ApiError(parsed.data.error.code, parsed.data.error.message, response.status)
      : new ApiError('bad-response', `HTTP ${response.status}`, response.status);
  }
  const parsed = StatisticsReportSchema.safeParse(json);
  if (!parsed.success) throw new ApiError('bad-response', parsed.error.message, response.status);
  return parsed.data;
}
