/**
 * docker-compose.yml read the way Compose reads it, for running its services without a Docker engine: YAML with
 * merge keys (`<<: *app-env`), `${VAR}` interpolation, and what a container of a service would run — its
 * environment (the image's Dockerfile ENV, then the service's `environment:`), its command (`entrypoint`/`command`,
 * or the Dockerfile's CMD) and its bind mounts (to find a mounted script in the repository).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  volumes?: string[];
  ports?: string[];
  restart?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

export class ComposeError extends Error {}

/**
 * Compose's variable substitution: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`,
 * `${VAR?message}`, `${VAR:+alternative}`, `${VAR+alternative}`.
 */
export function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, dollar, name, colon, op, arg, bare) => {
    if (dollar === '$') return '$';
    const key = (name ?? bare) as string;
    const raw = env[key];
    const missing = colon ? raw === undefined || raw === '' : raw === undefined;
    switch (op) {
      case undefined:
        return raw ?? '';
      case '-':
        return missing ? arg : raw!;
      case '?':
        if (missing) throw new ComposeError(`${key}: ${arg || 'required variable is not set'}`);
        return raw!;
      case '+':
        return missing ? '' : arg;
      default:
        return whole;
    }
  });
}

function interpolateDeep<T>(node: T, env: Record<string, string | undefined>): T {
  if (typeof node === 'string') return interpolate(node, env) as unknown as T;
  if (Array.isArray(node)) return node.map((n) => interpolateDeep(n, env)) as unknown as T;
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolateDeep(v, env)])) as T;
  }
  return node;
}

/** docker-compose.yml, parsed (merge keys resolved) and interpolated with `env`. */
export function loadCompose(env: Record<string, string | undefined>, file = COMPOSE_FILE): ComposeFile {
  const doc = parse(fs.readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
  if (!doc?.services) throw new ComposeError(`${file}: no services`);
  return interpolateDeep(doc, env);
}

export function service(compose: ComposeFile, name: string): ComposeService {
  const s = compose.services[name];
  if (!s) throw new ComposeError(`docker-compose.yml has no service "${name}"`);
  return s;
}

/** A service's `environment:` as strings (map or KEY=VALUE list). */
export function serviceEnvironment(s: ComposeService): Record<string, string> {
  const env = s.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((line) => {
      const i = line.indexOf('=');
      return i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

function dockerfileOf(s: ComposeService): string | null {
  if (!s.build) return null;
  const b = typeof s.build === 'string' ? { context: s.build } : s.build;
  return path.resolve(REPO_ROOT, b.context ?? '.', b.dockerfile ?? 'Dockerfile');
}

/** Dockerfile instructions with line continuations joined and comment lines dropped. */
function dockerfileInstructions(file: string): Array<{ op: string; args: string }> {
  const out: Array<{ op: string; args: string }> = [];
  let current = '';
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (!line && !current)) continue;
    if (line.endsWith('\\')) {
      current += line.slice(0, -1) + ' ';
      continue;
    }
    current += line;
    const m = /^([A-Za-z]+)\s+([\s\S]*)$/.exec(current.trim());
    if (m) out.push({ op: m[1].toUpperCase(), args: m[2].trim() });
    current = '';
  }
  return out;
}

/** The final stage's ENV of the service's Dockerfile (KEY=VALUE form), or {} for an image built elsewhere. */
export function imageEnvironment(s: ComposeService): Record<string, string> {
  const file = dockerfileOf(s);
  if (!file) return {};
  const env: Record<string, string> = {};
  for (const { op, args } of dockerfileInstructions(file)) {
    if (op === 'FROM') for (const k of Object.keys(env)) delete env[k];
    if (op !== 'ENV') continue;
    for (const pair of args.split(/\s+/)) {
      const i = pair.indexOf('=');
      if (i > 0) env[pair.slice(0, i)] = pair.slice(i + 1).replace(/^"(.*)"$/, '$1');
    }
  }
  return env;
}

const asArgv = (v: string | string[]) => (Array.isArray(v) ? v : v.split(/\s+/).filter(Boolean));

/** What the container runs: entrypoint + command, the command falling back to the Dockerfile's CMD. */
export function serviceArgv(s: ComposeService): string[] {
  const entry = s.entrypoint ? asArgv(s.entrypoint) : [];
  let command = s.command ? asArgv(s.command) : null;
  if (!command && !s.entrypoint) {
    const file = dockerfileOf(s);
    const cmd = file ? dockerfileInstructions(file).filter((i) => i.op === 'CMD').pop() : undefined;
    if (!cmd) throw new ComposeError(`service has neither command nor a Dockerfile CMD`);
    command = cmd.args.startsWith('[') ? (JSON.parse(cmd.args) as string[]) : ['/bin/sh', '-c', cmd.args];
  }
  return [...entry, ...(command ?? [])];
}

/** A path inside the service's container, resolved through its bind mounts (`./x:/y[:ro]`) to the repository. */
export function hostPathOf(s: ComposeService, containerPath: string): string {
  for (const v of s.volumes ?? []) {
    const [src, dst] = v.split(':');
    if (!src.startsWith('.') && !src.startsWith('/')) continue; // a named volume
    if (containerPath === dst || containerPath.startsWith(`${dst}/`)) return path.join(path.resolve(REPO_ROOT, src), containerPath.slice(dst.length));
  }
  throw new ComposeError(`${containerPath} is not under a bind mount of the service`);
}

/** "temporalio/server:1.29.1" → { repository: "temporalio/server", tag: "1.29.1" }. */
export function imageTag(image: string | undefined): { repository: string; tag: string | null } {
  if (!image) return { repository: '', tag: null };
  const at = image.lastIndexOf(':');
  const slash = image.lastIndexOf('/');
  return at > slash ? { repository: image.slice(0, at), tag: image.slice(at + 1) } : { repository: image, tag: null };
}

/**
 * The Temporal release the compose file pins: the tag of the `temporal` service's image (temporalio/server:X.Y.Z),
 * which the `temporal-schema` admin-tools image must share (tag X.Y.Z or X.Y.Z-tctl-…-cli-…).
 */
export function temporalRelease(compose: ComposeFile): string {
  const server = imageTag(service(compose, 'temporal').image);
  if (server.repository !== 'temporalio/server' || !server.tag || !/^\d+\.\d+\.\d+$/.test(server.tag)) {
    throw new ComposeError(`service temporal: expected image temporalio/server:<x.y.z>, found "${service(compose, 'temporal').image}"`);
  }
  for (const name of ['temporal-schema', 'temporal-namespace']) {
    const tools = imageTag(service(compose, name).image);
    if (tools.repository !== 'temporalio/admin-tools' || !(tools.tag === server.tag || tools.tag?.startsWith(`${server.tag}-`))) {
      throw new ComposeError(
        `service ${name}: image ${service(compose, name).image} is not the admin-tools of Temporal ${server.tag} (the server's release)`,
      );
    }
  }
  return server.tag;
}
