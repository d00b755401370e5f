/**
 * The one way the SPA talks to the server. It adds what every request needs (language,
 * CSRF token for writes), turns error bodies into ApiError, and sends the user back to the
 * login page when the session is gone.
 */

export type Lang = 'kk' | 'ru' | 'en';
/** Core permissions by name; modules add their own (the server's policy.ts is the source of truth). */
export type Permission = 'users.read' | 'users.manage' | 'tokens.manage' | 'audit.read' | 'evidence.read' | 'evidence.write' | 'dashboard.read' | (string & {});

/** A failed request: the server's stable code and its (already translated) message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let csrfToken: string | null = null;
let currentLang: Lang = 'ru';
let onSessionLost: (() => void) | null = null;

export const setCsrfToken = (token: string | null): void => { csrfToken = token; };
export const setApiLang = (lang: Lang): void => { currentLang = lang; };
/** For the few requests that cannot go through `api` (raw file uploads): the session's CSRF token and language. */
export const requestContext = (): { csrfToken: string | null; lang: Lang } => ({ csrfToken, lang: currentLang });
/** Called when an authenticated request answers 401: the session expired or was ended elsewhere. */
export const setSessionLostHandler = (fn: (() => void) | null): void => { onSessionLost = fn; };

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Query = Record<string, string | number | boolean | null | undefined>;

/** Query string without empty values, so optional filters are simply left out. */
export function queryString(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLang,
    // A signed-in user's requests are answered in their stored locale unless this header says otherwise.
    'x-qalqan-lang': currentLang,
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (WRITE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const e = new ApiError(res.status, err?.code ?? `http.${res.status}`, err?.message ?? '', err?.details);
    if (res.status === 401 && e.code === 'auth.required' && path !== '/api/auth/me') onSessionLost?.();
    throw e;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, q?: Query) => request<T>('GET', path + queryString(q)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  del: <T>(path: string) => request<T>('DELETE', path),
};

// ---- Shapes the server returns (mirrors of the backend's public types) ----

export type RoleName = 'admin' | 'analyst' | 'investigator' | 'reviewer' | 'regional_hq' | 'auditor';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: RoleName[];
  national: boolean;
  regions: string[];
  locale: string;
  totpEnabled: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Me {
  actor: { type: string; name: string; roles: RoleName[]; scope: { national: boolean; regions: string[] } };
  user: User | null;
  csrfToken: string | null;
  permissions: Permission[];
}

export interface LoginResponse {
  user: User;
  csrfToken: string;
  permissions: Permission[];
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  roles: RoleName[];
  national: boolean;
  regions: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface AuditRow {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  region: string | null;
  summary: { before?: unknown; after?: unknown; details?: unknown } | null;
  ip: string | null;
  userAgent: string | null;
  hash: string;
  prevHash: string;
}

export const EVIDENCE_CATEGORIES = ['substance', 'device', 'document', 'money', 'other'] as const;
export const EVIDENCE_STATUSES = ['in_storage', 'checked_out', 'disposed'] as const;
export const CUSTODY_ACTIONS = ['checked_out', 'returned', 'transferred', 'resealed', 'disposed'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** Mirror of the server's transition table, only to offer sensible choices; the server decides. */
export const CUSTODY_FROM: Record<string, CustodyAction[]> = {
  in_storage: ['checked_out', 'transferred', 'resealed', 'disposed'],
  checked_out: ['returned', 'transferred'],
  disposed: [],
};

export interface EvidenceItem {
  id: string;
  region: string;
  caseNumber: string;
  title: string;
  description: string;
  category: string;
  quantity: string;
  location: string;
  status: string;
  holder: string;
  sealNumber: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface CustodyEvent {
  id: string;
  itemId: string;
  at: string;
  action: string;
  fromHolder: string | null;
  toHolder: string | null;
  location: string | null;
  sealNumber: string | null;
  note: string;
  actorId: string;
  actorName: string;
}

export interface Dashboard {
  cards: {
    evidence?: { region: string; status: string; n: number }[];
    audit?: { events24h: number; failedLogins24h: number };
    users?: { total: number; withSecondFactor: number; locked: number };
    /** Items ingested in the last 7 days by detector label ('pending' = not yet detected). */
    /** Weekly label counts; action figures present when the caller's roles may read their source (stats/dashboard.ts). */
    monitor?: { week: Record<string, number>; pendingReview?: number; requestsAwaitingApproval?: number; requestsToSend?: number; blockedThisWeek?: number; openAlerts?: number };
    situation?: { indicators: number; values: Record<string, number>; latest: Partial<Record<'month' | 'quarter' | 'year', string>> };
    rating?: { latest: { id: string; period: string; top: { region: string; rank: number; score: number }[] } | null; pending: Record<string, number> };
    plan?: { counts: Record<'not_started' | 'in_progress' | 'done' | 'overdue' | 'cancelled', number>; items: number; pendingReports: number };
    /** Finance (src/modules/finance/dashboard.service.ts): last 7 days' traces and exchange exits; registry and requests when readable. */
    finance?: {
      tracesWeek: number;
      exchangeExits: { exits: number; addresses: number; amounts: Record<string, number> };
      droppers?: Record<'reported' | 'confirmed' | 'blocked' | 'cleared', number>;
      droppersFromAdsWeek?: number;
      openRequests?: { bank: number; exchange: number; drafts: number };
    };
  };
  generatedAt: string;
}

export interface Region {
  code: string;
  kind?: string;
  name: Record<Lang, string>;
  short?: Record<Lang, string>;
}

export interface Reference {
  regions: Region[];
  roles: RoleName[];
  languages: Lang[];
}
