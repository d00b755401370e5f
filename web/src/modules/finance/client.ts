import { api, ApiError, queryString, requestContext } from '../../api.js';
import type {
  AddressPage, BankRequestResult, ClusterPage, Dropper, DropperLinks, DropperReport, Direction, Exposure, FreezeCandidate, Tag, TraceInput, TraceListItem, TraceRun,
} from './types.js';

/**
 * Every finance endpoint the SPA uses, in one place. The server side lives in
 * src/modules/finance/routes.ts (ledger, traces, clusters) and finance/{tags,droppers,reports}/routes.ts.
 */
const enc = encodeURIComponent;
const addr = (chain: string, address: string) => `/api/finance/addresses/${enc(chain)}/${enc(address)}`;

export const financeApi = {
  address: (chain: string, address: string, q: { asset?: string; limit?: number; offset?: number } = {}) => api.get<AddressPage>(addr(chain, address), q),
  fetchHistory: (chain: string, address: string) =>
    api.post<{ result: { transfers: number; inserted: number; cached: boolean; complete: boolean; pagesFetched: number } }>('/api/finance/history', { chain, address }),

  runTrace: async (p: TraceInput) => (await api.post<{ trace: TraceRun }>('/api/finance/traces', p)).trace,
  trace: async (id: string) => (await api.get<{ trace: TraceRun }>(`/api/finance/traces/${enc(id)}`)).trace,
  traces: (q: { limit?: number; offset?: number; q?: string; chain?: string }) => api.get<{ items: TraceListItem[]; total: number }>('/api/finance/traces', q),

  cluster: (id: string, q: { limit?: number; offset?: number } = {}) => api.get<ClusterPage>(`/api/finance/clusters/${enc(id)}`, q),
  exposure: async (q: { chain: string; address?: string; clusterId?: string; direction: Direction; maxHops: number; asset?: string }) =>
    (await api.get<{ exposure: Exposure }>('/api/finance/exposure', q)).exposure,

  tags: (q: { q?: string; chain?: string; category?: string; origin?: string; limit: number; offset: number }) => api.get<{ tags: Tag[]; total: number }>('/api/finance/tags', q),
  addTag: (body: { chain: string; address: string; label: string; category: string; confidence: string; source: string; region?: string | null }) =>
    api.post<{ tag: Tag }>('/api/finance/tags', body),
  removeTag: (id: string, reason: string) => api.del<unknown>(`/api/finance/tags/${enc(id)}` + queryString({ reason })),

  droppers: (q: { kind?: string; status?: string; region?: string; q?: string; limit: number; offset: number }) => api.get<{ droppers: Dropper[]; total: number }>('/api/finance/droppers', q),
  dropper: (id: string) => api.get<{ dropper: Dropper; reports: DropperReport[]; links: DropperLinks; moves: string[] }>(`/api/finance/droppers/${enc(id)}`),
  requestBankBlock: (ids: string[], legalBasis: string) => api.post<BankRequestResult>('/api/finance/droppers/requests', { ids, ...(legalBasis ? { legalBasis } : {}) }),

  tagLookup: async (chain: string, addresses: string[]) => (await api.post<{ tags: Record<string, Tag[]> }>('/api/finance/tags/lookup', { chain, addresses })).tags,
  freezeCandidates: async (traceId: string) => (await api.get<{ candidates: FreezeCandidate[] }>(`/api/finance/reports/traces/${enc(traceId)}/freeze-candidates`)).candidates,
  createFreezeRequest: (traceId: string, body: { service: string; legalBasis?: string }) =>
    api.post<{ id: string; status: string; service: string; entries: number; amount: number }>(`/api/finance/reports/traces/${enc(traceId)}/freeze-request`, body),
};

/** Import endpoints take the file as the raw request body (like monitor imports): no multipart, no base64. */
export const IMPORT_PATHS = {
  tagpack: '/api/finance/tags/import/tagpack',
  ofac: '/api/finance/tags/import/ofac',
  droppersCsv: '/api/finance/droppers/import',
} as const;

export const exportTagsPath = (q: Record<string, string>) => '/api/finance/tags/export/tagpack.yaml' + queryString(q);
export const caseReportPath = (traceId: string) => `/api/finance/reports/traces/${enc(traceId)}/case-report.pdf`;
export const letterPath = (requestId: string) => `/api/finance/reports/requests/${enc(requestId)}/letter.pdf`;
export const annexPath = (requestId: string) => `/api/finance/reports/requests/${enc(requestId)}/annex.csv`;
export const dropperTemplatePath = '/api/finance/droppers/template.csv';

function headers(contentType?: string): Record<string, string> {
  const { csrfToken, lang } = requestContext();
  return { accept: '*/*', 'x-qalqan-lang': lang, 'accept-language': lang, ...(contentType ? { 'content-type': contentType } : {}), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) };
}

async function failure(res: Response): Promise<ApiError> {
  const data = await res.json().catch(() => null) as { error?: { code: string; message: string; details?: unknown } } | null;
  return new ApiError(res.status, data?.error?.code ?? `http.${res.status}`, data?.error?.message ?? '', data?.error?.details);
}

/** Upload a file as the request body; answers the server's JSON. */
export async function uploadFile<T>(path: string, file: File, q: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path + queryString(q), { method: 'POST', body: file, credentials: 'same-origin', headers: headers(file.type || 'application/octet-stream') });
  } catch { throw new ApiError(0, 'network', ''); }
  if (!res.ok) throw await failure(res);
  return await res.json() as T;
}

/**
 * Fetch a generated file (PDF, CSV, YAML) and hand it to the browser as a download, keeping
 * the server's file name. Errors come back as ApiError with the server's translated message.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'GET', credentials: 'same-origin', headers: headers() });
  } catch { throw new ApiError(0, 'network', ''); }
  if (!res.ok) throw await failure(res);
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(cd);
  const name = m ? decodeURIComponent(m[1] ?? m[2] ?? fallbackName) : fallbackName;
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
