/**
 * Temporal test environments that never download a server (the SDK's own download cannot work here).
 *
 * - {@link connectTestEnv}: the dev server of this test run (global-setup.ts) — real server, real time.
 * - {@link createTimeSkippingTestEnv}: the time-skipping test server from `.tools/python/bin/temporal-test-server`,
 *   one per call (start it once per test file, in beforeAll).
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from '../../tools/devstack/src/binaries';
import { testServices } from './services';

export function connectTestEnv(namespace = 'default'): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address: testServices().temporalAddress, namespace });
}

export function createTimeSkippingTestEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
}
