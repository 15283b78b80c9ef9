/**
 * Node-side helper (never imported by workflow code): bundles the workflows for a Worker.
 * Workflows import `@app/contracts` and `@app/domain` (the approval policy and the calendar), tsconfig path aliases
 * that webpack does not know, so the hook maps them.
 */
import * as path from 'node:path';
import { bundleWorkflowCode, type BundleOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const repoRoot = path.resolve(__dirname, '..', '..');

/** Entry module of the workflow bundle (exports planWorkflow and taskWorkflow). */
export const workflowsPath = require.resolve('./index');

/** Aliases the bundler needs; exported so a Worker created with `workflowsPath` can reuse them. */
export function webpackConfigHook<C extends { resolve?: { alias?: unknown } }>(config: C): C {
  const resolve = (config.resolve ??= {});
  const alias = (resolve.alias ??= {}) as Record<string, string>;
  alias['@app/contracts'] = path.join(repoRoot, 'libs', 'contracts', 'src');
  alias['@app/domain'] = path.join(repoRoot, 'libs', 'domain', 'src');
  return config;
}

/** Bundle once per process (tests: once per file) — it takes about a second. */
export function bundleWorkflows(options: Pick<BundleOptions, 'logger'> = {}): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ ...options, workflowsPath, webpackConfigHook });
}
