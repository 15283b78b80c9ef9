/**
 * The Temporal server as docker-compose.yml's `temporal` service runs it, without the image: the image renders its
 * configuration from environment variables (docker/config_template.yaml of the server's repository) and runs
 * `temporal-server --env docker start`. Here the same variables — taken from the compose file — give the same
 * configuration, written as YAML, with every service on a free loopback port instead of the container's fixed ones.
 */
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { isPortFree, ManagedProcess, spawnManaged } from '@tools/devstack';

/** The variables of the compose service this renderer understands, with the image template's defaults. */
const KNOWN: Record<string, string | null> = {
  DB: null,
  DB_PORT: '5432',
  POSTGRES_SEEDS: null,
  POSTGRES_USER: null,
  POSTGRES_PWD: '',
  DBNAME: 'temporal',
  VISIBILITY_DBNAME: 'temporal_visibility',
  NUM_HISTORY_SHARDS: '4',
  BIND_ON_IP: '127.0.0.1',
  LOG_LEVEL: 'info',
  SQL_MAX_CONNS: '20',
  SQL_MAX_IDLE_CONNS: '20',
  SQL_MAX_CONN_TIME: '1h',
  SQL_VIS_MAX_CONNS: '10',
  SQL_VIS_MAX_IDLE_CONNS: '10',
  SQL_VIS_MAX_CONN_TIME: '1h',
};

/**
 * Nine free loopback ports for the server's services, all below 32768: the server records each member's port in
 * `cluster_membership.rpc_port`, a PostgreSQL SMALLINT, and refuses to start on an ephemeral port above it
 * ("value … is out of range for type smallint"). The container's fixed ports (6933–7239) never meet this.
 */
export async function freeServerPorts(): Promise<ServerPorts> {
  const picked: number[] = [];
  let candidate = 20000 + Math.floor(Math.random() * 12000);
  for (let tries = 0; picked.length < 9; tries++) {
    if (tries > 2000) throw new Error('no free loopback ports below 32768');
    candidate = candidate >= 32767 ? 20000 : candidate + 1;
    if (await isPortFree(candidate)) picked.push(candidate);
  }
  const [frontend, frontendHttp, frontendMembership, history, historyMembership, matching, matchingMembership, worker, workerMembership] = picked;
  return { frontend, frontendHttp, frontendMembership, history, historyMembership, matching, matchingMembership, worker, workerMembership };
}

/** The server's error and fatal log lines, shortened (its JSON lines carry long stack traces). */
export function serverErrors(output: string, max = 8): string {
  const lines: string[] = [];
  for (const line of output.split('\n')) {
    try {
      const j = JSON.parse(line) as { level?: string; msg?: string; error?: string };
      if (j.level === 'error' || j.level === 'fatal') lines.push(`${j.level}: ${j.msg}${j.error ? ` — ${j.error}` : ''}`);
    } catch {
      if (/error|fatal|unable/i.test(line)) lines.push(line.slice(0, 300));
    }
  }
  return (lines.length ? lines : output.split('\n')).slice(-max).join('\n');
}

export interface ServerPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

/**
 * The server configuration for the compose service's environment `env` (already pointed at the reachable
 * PostgreSQL). Throws on a variable it does not know, so a change to the compose service cannot pass unnoticed.
 */
export function renderServerConfig(env: Record<string, string>, ports: ServerPorts, dynamicConfigFile: string): string {
  const unknown = Object.keys(env).filter((k) => !(k in KNOWN));
  if (unknown.length) {
    throw new Error(`docker-compose.yml temporal: biến chưa được hỗ trợ bởi script (variables this script does not render): ${unknown.join(', ')}`);
  }
  const v = (k: string) => {
    const value = env[k] ?? KNOWN[k];
    if (value === null || value === undefined) throw new Error(`docker-compose.yml temporal: ${k} is required`);
    return value;
  };
  const plugin = v('DB');
  if (plugin !== 'postgres12' && plugin !== 'postgres12_pgx') throw new Error(`docker-compose.yml temporal: DB=${plugin}, expected postgres12`);

  const sql = (database: string, max: string, idle: string, life: string) => ({
    sql: {
      pluginName: plugin,
      databaseName: database,
      connectAddr: `${v('POSTGRES_SEEDS')}:${v('DB_PORT')}`,
      connectProtocol: 'tcp',
      user: v('POSTGRES_USER'),
      password: v('POSTGRES_PWD'),
      maxConns: Number(max),
      maxIdleConns: Number(idle),
      maxConnLifetime: life,
    },
  });
  const bindOnIP = v('BIND_ON_IP');
  const rpc = (grpcPort: number, membershipPort: number, httpPort?: number) => ({
    rpc: { grpcPort, membershipPort, bindOnIP, ...(httpPort ? { httpPort } : {}) },
  });

  const config = {
    log: { stdout: true, level: v('LOG_LEVEL') },
    persistence: {
      numHistoryShards: Number(v('NUM_HISTORY_SHARDS')),
      defaultStore: 'default',
      visibilityStore: 'visibility',
      datastores: {
        default: sql(v('DBNAME'), v('SQL_MAX_CONNS'), v('SQL_MAX_IDLE_CONNS'), v('SQL_MAX_CONN_TIME')),
        visibility: sql(v('VISIBILITY_DBNAME'), v('SQL_VIS_MAX_CONNS'), v('SQL_VIS_MAX_IDLE_CONNS'), v('SQL_VIS_MAX_CONN_TIME')),
      },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: bindOnIP === '0.0.0.0' ? '127.0.0.1' : bindOnIP },
      pprof: { port: 0 },
    },
    services: {
      frontend: rpc(ports.frontend, ports.frontendMembership, ports.frontendHttp),
      matching: rpc(ports.matching, ports.matchingMembership),
      history: rpc(ports.history, ports.historyMembership),
      worker: rpc(ports.worker, ports.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${ports.frontend}`,
          httpAddress: `127.0.0.1:${ports.frontendHttp}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: {
      history: { state: 'enabled', enableRead: true, provider: { filestore: { fileMode: '0666', dirMode: '0766' } } },
      visibility: { state: 'enabled', enableRead: true, provider: { filestore: { fileMode: '0666', dirMode: '0766' } } },
    },
    // As in the image: archival available on the cluster (a URI is then required), off for new namespaces.
    namespaceDefaults: {
      archival: {
        history: { state: 'disabled', URI: 'file:///tmp/temporal_archival/development' },
        visibility: { state: 'disabled', URI: 'file:///tmp/temporal_vis_archival/development' },
      },
    },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '60s' },
  };
  return `# Written by scripts/production-topology from docker-compose.yml's temporal service environment.\n${stringify(config)}`;
}

export interface StartedTemporalServer {
  address: string;
  process: ManagedProcess;
  configFile: string;
  logFile: string;
  stop(): Promise<void>;
}

/** Writes `<dir>/config/docker.yaml` and runs `temporal-server --env docker start` (as the image does). Not yet ready. */
export function startTemporalServer(binary: string, dir: string, configYaml: string, frontendPort: number): StartedTemporalServer {
  const configDir = path.join(dir, 'config');
  fs.mkdirSync(configDir, { recursive: true });
  const configFile = path.join(configDir, 'docker.yaml');
  fs.writeFileSync(configFile, configYaml, { mode: 0o600 });
  const logFile = path.join(dir, 'temporal-server.log');
  const log = fs.createWriteStream(logFile);
  const proc = spawnManaged('temporal-server', binary, ['--root', dir, '--config', 'config', '--env', 'docker', 'start'], {
    cwd: dir,
    detached: true,
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 20000,
    onLine: (line) => log.write(`${line}\n`),
  });
  void proc.exited.then(() => log.end());
  return {
    address: `127.0.0.1:${frontendPort}`,
    process: proc,
    configFile,
    logFile,
    async stop() {
      await proc.stop();
    },
  };
}
