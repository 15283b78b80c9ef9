/**
 * History <-> JSON in the format of Temporal's other tools (proto3 JSON), for recorded replay fixtures.
 *
 * Why not `historyToJSON` / `historyFromJSON` from `@temporalio/common/lib/proto-utils`: in this install
 * `@temporalio/common` and `@temporalio/proto` each carry their own copy of protobufjs, so the SDK helper's
 * `instanceof Type` check fails ("type must be a Type"). These functions use protobufjs' protojson from the
 * copy `@temporalio/proto` is built with, which works in either layout.
 */
import * as path from 'node:path';
import * as proto from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

type History = proto.temporal.api.history.v1.History;

interface ProtoJson {
  toJson(type: unknown, message: unknown): unknown;
  fromJson(type: unknown, json: unknown, options?: { ignoreUnknownFields?: boolean }): unknown;
}

const protoDir = path.dirname(require.resolve('@temporalio/proto/package.json'));
const protojson = require(require.resolve('protobufjs/ext/protojson', { paths: [protoDir] })) as ProtoJson;
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

export function historyToJson(history: proto.temporal.api.history.v1.IHistory): string {
  const message = proto.temporal.api.history.v1.History.fromObject(history);
  return `${JSON.stringify(protojson.toJson(historyType, message), null, 1)}\n`;
}

export function historyFromJson(json: unknown): History {
  const history = protojson.fromJson(historyType, json, { ignoreUnknownFields: true }) as History | null;
  if (!history) throw new TypeError('Invalid history JSON');
  return history;
}
