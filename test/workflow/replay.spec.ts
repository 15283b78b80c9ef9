/**
 * Replays every recorded history (test/fixtures/histories/*.json, written by
 * workflows/scripts/record-history.ts) against the current workflow code. A failure means a change would
 * break workflows already running: guard it with `patched()` rather than re-recording.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from '@temporalio/worker';
import { bundleForTests, quietRuntime } from '../support/workflows/harness';
import { historyFromJson } from '../support/workflows/history-json';

const dir = path.resolve(__dirname, '..', 'fixtures', 'histories');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];

test('the recorded histories include the full task chain', () => {
  expect(files).toContain('task-full-chain.json');
  // Recorded before the `start-at-current-cycle` patch: they must keep replaying while such runs may exist.
  expect(files).toContain('task-full-chain.v1.json');
  // A report's chain, recorded before the `report-search-stage` patch, and after it.
  expect(files).toEqual(expect.arrayContaining(['report-chain.v1.json', 'report-chain.json']));
});

test('every recorded history replays without error', async () => {
  quietRuntime();
  const workflowBundle = await bundleForTests();
  const histories = files.map((file) => ({
    // The recorded id is not in the history; it only feeds workflowInfo(), never a command.
    workflowId: path.basename(file, '.json'),
    history: historyFromJson(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))),
  }));
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
    replayed += 1;
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
  expect(replayed).toBe(files.length);
});
