/**
 * A small fetch wrapper: adds the Bearer token, decodes `{ code, message }` errors into ApiError whose message is
 * always a Vietnamese sentence a user can read, and turns a network failure into one too. It also keeps the state of
 * the connection (see {@link getConnection}): a request that gets no answer, or a 502/503/504 from a server that is
 * restarting, marks it lost; any answer marks it back. Only a 401 AUTH_REQUIRED ends the session.
 */

const TOKEN_KEY = 'cchc.token';
export const API_BASE = '/api';

/** Sentences used when the server gave none we can show (no body, HTML from a proxy, English text). */
const FALLBACK_MESSAGES: Record<string, string> = {
  AUTH_INVALID: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  AUTH_REQUIRED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  NOT_YOUR_STEP: 'Bước này không thuộc quyền xử lý của bạn.',
  SELF_APPROVAL: 'Bạn không thể tự phê duyệt dự thảo do chính mình soạn.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  VALIDATION: 'Dữ liệu nhập chưa hợp lệ. Vui lòng kiểm tra lại.',
  STEP_CLOSED: 'Bước này đã được xử lý (có thể bởi người khác hoặc do bấm hai lần). Danh sách đã được làm mới.',
  PLAN_INVALID: 'Tệp kế hoạch không hợp lệ: không tìm thấy bảng nhiệm vụ.',
  CONFLICT: 'Dữ liệu đã thay đổi. Vui lòng tải lại trang và thử lại.',
  PAYLOAD_TOO_LARGE: 'Tệp quá lớn so với giới hạn cho phép.',
  NETWORK: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
};

function fallbackForStatus(status: number): string {
  if (status === 401) return 'Máy chủ từ chối yêu cầu (mã 401). Vui lòng tải lại trang và thử lại.';
  if (status === 403) return FALLBACK_MESSAGES.FORBIDDEN;
  if (status === 404) return FALLBACK_MESSAGES.NOT_FOUND;
  if (status === 409) return FALLBACK_MESSAGES.CONFLICT;
  if (status === 413) return FALLBACK_MESSAGES.PAYLOAD_TOO_LARGE;
  if (status === 400 || status === 422) return FALLBACK_MESSAGES.VALIDATION;
  if (status === 502 || status === 503 || status === 504) return 'Máy chủ tạm thời không phản hồi. Vui lòng thử lại sau ít phút.';
  return `Máy chủ gặp lỗi (mã ${status}). Vui lòng thử lại sau.`;
}

/** Vietnamese text nearly always carries diacritics; a plain-ASCII message is most likely an English default. */
function looksVietnamese(text: string): boolean {
  return /[\u00C0-\u1EF9]/.test(text);
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A Vietnamese sentence for a stable error code (e.g. a per-item result of a bulk call). */
export function messageForCode(code: string | undefined): string {
  return (code && FALLBACK_MESSAGES[code]) || 'Không thực hiện được.';
}

/** The message to show for anything thrown while talking to the API. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Đã có lỗi không mong muốn. Vui lòng tải lại trang và thử lại.';
}

// ---- connection ----

/** `offline`: no answer at all (no signal, server down); `unavailable`: 502/503/504 (restarting, behind a proxy). */
export type ConnectionState = 'online' | 'offline' | 'unavailable';

export const CONNECTION_MESSAGES: Record<Exclude<ConnectionState, 'online'>, string> = {
  offline: 'Mất kết nối với máy chủ. Đang thử lại…',
  unavailable: 'Máy chủ tạm thời không phản hồi. Đang thử lại…',
};

let connection: ConnectionState = 'online';
const connectionListeners = new Set<() => void>();

export function getConnection(): ConnectionState {
  return connection;
}

/** For useSyncExternalStore: called whenever the connection is lost or back. */
export function subscribeConnection(listener: () => void): () => void {
  connectionListeners.add(listener);
  return () => {
    connectionListeners.delete(listener);
  };
}

function setConnection(next: ConnectionState): void {
  if (next === connection) return;
  connection = next;
  for (const l of [...connectionListeners]) l();
}

/** A failure that says nothing about the request itself (no answer, or the server not ready): worth trying again. */
export function isTransient(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504);
}

/** What to say while a transient failure is being retried. */
export function transientMessage(err: unknown): string {
  return err instanceof ApiError && err.status !== 0 ? CONNECTION_MESSAGES.unavailable : CONNECTION_MESSAGES.offline;
}

/** Wait before the n-th retry (0-based): 1, 2, 4, 8, 16, then every 30 seconds, ±20 % so clients do not retry in step. */
export function retryDelay(attempt: number): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

// ---- token ----

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string, remember: boolean): void {
  clearToken();
  (remember ? localStorage : sessionStorage).setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_KEY);
}

/** Called when the server says the token is no longer valid (set by the auth provider). */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

// ---- requests ----

export interface RequestOptions {
  method?: string;
  /** JSON-encoded unless it is FormData, a Blob or a string. */
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat a 401 as an expired session (the login call). */
  anonymous?: boolean;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token && !opts.anonymous) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData || opts.body instanceof Blob) {
    body = opts.body;
  } else if (typeof opts.body === 'string') {
    body = opts.body;
    headers['Content-Type'] = 'text/plain; charset=utf-8';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(API_BASE + path, { method: opts.method ?? 'GET', headers, body, signal: opts.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    setConnection('offline');
    throw new ApiError(FALLBACK_MESSAGES.NETWORK, 0, 'NETWORK');
  }
  setConnection(res.status === 502 || res.status === 503 || res.status === 504 ? 'unavailable' : 'online');
  if (!res.ok) throw await toApiError(res, opts);
  return res;
}

async function toApiError(res: Response, opts: RequestOptions): Promise<ApiError> {
  let code = `HTTP_${res.status}`;
  let message = '';
  let details: unknown;
  try {
    const data = (await res.json()) as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof data.code === 'string') code = data.code;
    if (typeof data.message === 'string') message = data.message;
    details = data.details;
  } catch {
    // not JSON: a proxy page or an empty body
  }
  if (!message || !looksVietnamese(message)) message = FALLBACK_MESSAGES[code] ?? fallbackForStatus(res.status);
  // Only the server saying the token is not (or no longer) valid ends the session; a proxy's 401 page does not.
  if (res.status === 401 && code === 'AUTH_REQUIRED' && !opts.anonymous && onUnauthorized) onUnauthorized();
  return new ApiError(message, res.status, code, details);
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError('Máy chủ trả về dữ liệu không đọc được. Vui lòng thử lại sau.', res.status, 'BAD_RESPONSE');
  }
}

/** Bytes sent so far of an upload, and its total. */
export interface UploadProgress {
  sent: number;
  total: number;
}

/**
 * POSTs a multipart form with upload progress (fetch cannot report it, XMLHttpRequest can). Errors are the same
 * ApiErrors as {@link api}'s, and the connection state is kept the same way.
 */
export function upload<T>(path: string, form: FormData, onProgress?: (p: UploadProgress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', API_BASE + path);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.({ sent: e.loaded, total: e.total });
    };
    xhr.onerror = () => {
      setConnection('offline');
      reject(new ApiError(FALLBACK_MESSAGES.NETWORK, 0, 'NETWORK'));
    };
    xhr.onload = () => {
      const status = xhr.status;
      if (status === 0) {
        setConnection('offline');
        reject(new ApiError(FALLBACK_MESSAGES.NETWORK, 0, 'NETWORK'));
        return;
      }
      setConnection(status === 502 || status === 503 || status === 504 ? 'unavailable' : 'online');
      if (status >= 200 && status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(new ApiError('Máy chủ trả về dữ liệu không đọc được. Vui lòng thử lại sau.', status, 'BAD_RESPONSE'));
        }
        return;
      }
      const res = new Response(xhr.responseText, {
        status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'text/plain' },
      });
      void toApiError(res, {}).then(reject, reject);
    };
    xhr.send(form);
  });
}

/** Downloads a protected file (the token is a header, so a plain link cannot fetch it). */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send(path, {});
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}
