import * as path from 'path';

/**
 * Settings read from the environment once, validated, with the embedded defaults of `npm start`.
 * A wrong value stops start-up with a message naming the variable.
 */
export interface AppConfig {
  nodeEnv: string;
  production: boolean;
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
}

export class ConfigError extends Error {}

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
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const dataDir = path.resolve(env.CCHC_DATA_DIR ?? path.join(ROOT_DIR, '.data'));
  const databaseUrl = env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${int(env, 'EMBEDDED_PG_PORT', 5433)}/cchc`;
  const jwtSecret = env.JWT_SECRET ?? (production ? '' : 'cchc-dev-secret-change-me');
  if (!jwtSecret) throw new ConfigError('Biến môi trường JWT_SECRET là bắt buộc khi NODE_ENV=production.');
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${int(env, 'PORT', 3000)}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new ConfigError(`Biến môi trường PUBLIC_URL phải là địa chỉ http:// hoặc https:// (đang là "${publicUrl}").`);
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError(`Biến môi trường DATABASE_URL phải là địa chỉ postgres:// (đang là "${databaseUrl}").`);
  return {
    nodeEnv,
    production,
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
    mailFrom: env.MAIL_FROM ?? 'CCHC xã An Lão <cchc@an-lao.local>',
    mailboxDir: path.resolve(env.MAILBOX_DIR ?? path.join(dataDir, 'mailbox')),
    publicUrl,
    maxAttachmentBytes: maxAttachmentBytes(env),
    defaultCommune: env.CCHC_COMMUNE ?? 'an-lao',
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(ROOT_DIR, 'apps', 'web', 'dist')),
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
