import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { ServiceUnavailableException } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { ERROR_CODES, ErrorCode } from '@app/contracts';
import { ApiError } from '../common/api-error';
import { InjectConfig } from '../common/config.provider';

/**
 * The API's only door to Temporal. The connection is lazy so the API starts (and reports health) even
 * while the Temporal server is still coming up.
 */
@Injectable()
export class TemporalService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(@InjectConfig() readonly config: AppConfig) {
    this.connection = Connection.lazy({ address: config.temporalAddress });
    this.client = new Client({ connection: this.connection, namespace: config.temporalNamespace });
  }

  async isUp(): Promise<boolean> {
    try {
      await this.connection.workflowService.getSystemInfo({});
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Sends an Update to a workflow and waits for its answer; a refusal by the workflow's rules, or a workflow that
   * has ended, comes back as the contract's error (toApiError).
   */
  async update<R, I>(workflowId: string, def: UpdateDefinition<R, [I]>, input: I): Promise<R> {
    try {
      return await this.client.workflow.getHandle(workflowId).executeUpdate(def, { args: [input] });
    } catch (e) {
      throw toApiError(e);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}

/** The workflow refused the action by its rules (its validator): nothing was recorded. */
export class WorkflowRefusal extends ApiError {}

/**
 * Turns a workflow's rejection of a human action into the contract's error: the validator inside the workflow
 * throws ApplicationFailure typed with our error codes; a closed workflow means the step is closed too.
 */
export function toApiError(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause;
    if (cause instanceof ApplicationFailure && cause.type && (ERROR_CODES as readonly string[]).includes(cause.type)) {
      return new WorkflowRefusal(cause.type as ErrorCode, cause.message);
    }
    if (cause instanceof ActivityFailure) {
      // The action is recorded in the workflow, which keeps delivering it; only the read model lags behind.
      return new ServiceUnavailableException({
        code: 'READ_MODEL_DELAYED',
        message: 'Thao tác đã được ghi nhận nhưng dữ liệu hiển thị chưa cập nhật kịp; vui lòng tải lại sau ít phút.',
      });
    }
  }
  if (err instanceof WorkflowNotFoundError) {
    return new ApiError('STEP_CLOSED', 'Quy trình của nhiệm vụ này đã kết thúc hoặc chưa được kích hoạt.');
  }
  const text = err instanceof Error ? err.message : '';
  if (/already completed|workflow execution already completed|not found/i.test(text)) {
    return new ApiError('STEP_CLOSED', 'Quy trình của nhiệm vụ này đã kết thúc hoặc chưa được kích hoạt.');
  }
  return err;
}
