import * as path from 'path';

/**
 * Settings read from the environment once, validated, with the embedded defaults of `npm start`.
 * A wrong value stops start-up with a message naming the variable.
 */
export interface AppConfig {
  nodeEnv: NodeEnv;
  /** NODE_ENV was not set: the product then runs as production (see {@link nodeEnvOf}). */
  nodeEnvImplicit: boolean;
  production: boolean;
  /** Demo accounts are created only when the mode is explicitly development. */
  demoAccounts: boolean;
  /** Passwords a production start refuses to leave on any account: `demo` and DEMO_PASSWORD. */
  demoPasswords: string[];
  port: number;
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  temporalUiUrl: string | null;
  taskQueue: string;
  jwtSecret: string;
  jwtTtl: string;
  dataDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  mailboxDir: string;
  /** Where people open the web app: the base of every link in e-mails (PUBLIC_URL). */
  publicUrl: string;
  maxAttachmentBytes: number;
  defaultCommune: string;
  webDistDir: string;
  /** Login attempts allowed per window, per username and per client address (429 RATE_LIMITED above). */
  loginThrottle: { windowSeconds: number; perUsername: number; perAddress: number };
  /** Express "trust proxy" hops: behind a reverse proxy the client address comes from X-Forwarded-For. */
  trustProxy: number;
  /** Serve the OpenAPI document and Swagger UI (/api/docs, /api/docs-json): SWAGGER, default on except in production. */
  swagger: boolean;
}

export class ConfigError extends Error {}

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** The public secret of development and test runs; never accepted in production. */
export const DEV_JWT_SECRET = 'cchc-dev-secret-change-me';
export const MIN_JWT_SECRET_LENGTH = 32;

/**
 * The run mode. Only the three known values are accepted: a misspelt NODE_ENV ("prod") used to fall back to
 * development, with its public JWT secret and demo accounts. Unset means production, so that forgetting the
 * variable on a server fails closed (a JWT_SECRET is then required) instead of open.
 */
export function nodeEnvOf(env: NodeJS.ProcessEnv = process.env): { mode: NodeEnv; implicit: boolean } {
  const raw = env.NODE_ENV;
  if (raw === undefined || raw.trim() === '') return { mode: 'production', implicit: true };
  if (!(NODE_ENVS as readonly string[]).includes(raw)) {
    throw new ConfigError(`Biến môi trường NODE_ENV phải là một trong ${NODE_ENVS.join(', ')} (đang là "${raw}").`);
  }
  return { mode: raw as NodeEnv, implicit: false };
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|on|yes)$/i.test(raw)) return true;
  if (/^(false|0|off|no)$/i.test(raw)) return false;
  throw new ConfigError(`Biến môi trường ${name} phải là true hoặc false (đang là "${raw}").`);
}

function jwtSecretOf(env: NodeJS.ProcessEnv, mode: NodeEnv, implicit: boolean): string {
  const secret = env.JWT_SECRET;
  if (mode !== 'production') return secret || DEV_JWT_SECRET;
  const why = implicit ? ' (NODE_ENV chưa đặt nên chạy như production)' : '';
  if (!secret) {
    throw new ConfigError(
      `Biến môi trường JWT_SECRET là bắt buộc ở chế độ production${why}: đặt một chuỗi ngẫu nhiên ít nhất ${MIN_JWT_SECRET_LENGTH} ký tự, ví dụ \`openssl rand -hex 32\`.`,
    );
  }
  // A short or well-known secret lets anyone sign an admin token.
  if (secret.length < MIN_JWT_SECRET_LENGTH || secret === DEV_JWT_SECRET) {
    throw new ConfigError(
      `Biến môi trường JWT_SECRET quá yếu${why}: cần ít nhất ${MIN_JWT_SECRET_LENGTH} ký tự ngẫu nhiên (đang có ${secret.length}), ví dụ \`openssl rand -hex 32\`.`,
    );
  }
  return secret;
}

/** DATABASE_URL, or the embedded PostgreSQL of `npm start`: all the CLI needs, whatever the mode. */
export function databaseUrlOf(env: NodeJS.ProcessEnv = process.env): string {
  const databaseUrl = env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${int(env, 'EMBEDDED_PG_PORT', 5433)}/cchc`;
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError(`Biến môi trường DATABASE_URL phải là địa chỉ postgres:// (đang là "${databaseUrl}").`);
  return databaseUrl;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`Biến môi trường ${name} phải là số nguyên dương (đang là "${raw}").`);
  return n;
}

/**
 * The upload limit alone: the upload interceptor needs it when its module loads, before the whole
 * configuration is validated at start-up.
 */
export function maxAttachmentBytes(env: NodeJS.ProcessEnv = process.env): number {
  return int(env, 'MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024);
}

export const ROOT_DIR = path.resolve(__dirname, '..', '..', '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const { mode: nodeEnv, implicit } = nodeEnvOf(env);
  const production = nodeEnv === 'production';
  const dataDir = path.resolve(env.CCHC_DATA_DIR ?? path.join(ROOT_DIR, '.data'));
  const databaseUrl = databaseUrlOf(env);
  const jwtSecret = jwtSecretOf(env, nodeEnv, implicit);
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${int(env, 'PORT', 3000)}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new ConfigError(`Biến môi trường PUBLIC_URL phải là địa chỉ http:// hoặc https:// (đang là "${publicUrl}").`);
  return {
    nodeEnv,
    nodeEnvImplicit: implicit,
    production,
    demoAccounts: nodeEnv === 'development',
    demoPasswords: [...new Set(['demo', env.DEMO_PASSWORD || 'demo'])],
    port: int(env, 'PORT', 3000),
    databaseUrl,
    temporalAddress: env.TEMPORAL_ADDRESS ?? `127.0.0.1:${int(env, 'TEMPORAL_PORT', 7233)}`,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    temporalUiUrl: env.TEMPORAL_UI_URL ?? (env.TEMPORAL_ADDRESS ? null : `http://localhost:${int(env, 'TEMPORAL_UI_PORT', 8233)}`),
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'cchc',
    jwtSecret,
    jwtTtl: env.JWT_TTL ?? '12h',
    dataDir,
    smtpUrl: env.SMTP_URL || null,
    // The subject names the commune; one deployment serves many, so the sender is the system's.
    mailFrom: env.MAIL_FROM ?? 'Hệ thống CCHC <cchc@cchc.local>',
    mailboxDir: path.resolve(env.MAILBOX_DIR ?? path.join(dataDir, 'mailbox')),
    publicUrl,
    maxAttachmentBytes: maxAttachmentBytes(env),
    defaultCommune: env.CCHC_COMMUNE ?? 'an-lao',
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(ROOT_DIR, 'apps', 'web', 'dist')),
    loginThrottle: {
      windowSeconds: int(env, 'LOGIN_THROTTLE_WINDOW_SECONDS', 60),
      perUsername: int(env, 'LOGIN_THROTTLE_PER_USERNAME', 10),
      perAddress: int(env, 'LOGIN_THROTTLE_PER_ADDRESS', 30),
    },
    trustProxy: env.TRUST_PROXY === '0' ? 0 : int(env, 'TRUST_PROXY', 0),
    // The document maps every route and field for whoever asks: a production server shows it only when told to.
    swagger: bool(env, 'SWAGGER', !production),
  };
}

/**
 * Entry points of a deployable (api, worker): run `main` with the validated settings; a bad variable ends the
 * process with its Vietnamese message and exit code 2, anything else with its stack and exit code 1.
 */
export function runWithConfig(main: (config: AppConfig) => Promise<unknown>): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(e instanceof ConfigError ? 2 : 1);
  }
  main(config).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
