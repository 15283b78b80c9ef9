import { applyDecorators, INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ApiResponse, OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage } from 'class-validator';
import { ErrorCode } from '@app/contracts';
import { CLEAN_TEXT_PATTERN, IS_CLEAN_TEXT } from './clean-text';

/** The statuses an error can have, each with the stable codes it carries (api.md "Errors"). */
const CODES_BY_STATUS = {
  400: { codes: ['VALIDATION'], description: 'Dữ liệu gửi lên không hợp lệ (VALIDATION).' },
  401: { codes: ['AUTH_INVALID', 'AUTH_REQUIRED'], description: 'Sai tên đăng nhập hoặc mật khẩu (AUTH_INVALID); chưa đăng nhập hoặc phiên hết hạn (AUTH_REQUIRED).' },
  403: { codes: ['FORBIDDEN', 'NOT_YOUR_STEP', 'SELF_APPROVAL'], description: 'Không có quyền (FORBIDDEN), không phải bước của bạn (NOT_YOUR_STEP), tự phê duyệt (SELF_APPROVAL).' },
  404: { codes: ['NOT_FOUND'], description: 'Không tìm thấy, kể cả dữ liệu của xã khác (NOT_FOUND).' },
  409: { codes: ['STEP_CLOSED', 'CONFLICT'], description: 'Bước đã được xử lý (STEP_CLOSED); xung đột với trạng thái hiện tại (CONFLICT).' },
  413: { codes: ['PAYLOAD_TOO_LARGE'], description: 'Vượt quá dung lượng cho phép; details.maxBytes là giới hạn (PAYLOAD_TOO_LARGE).' },
  422: { codes: ['PLAN_INVALID'], description: 'Văn bản không phải kế hoạch dùng được (PLAN_INVALID).' },
  429: { codes: ['RATE_LIMITED'], description: 'Quá nhiều lần thử; details.retryAfterSeconds và header Retry-After (RATE_LIMITED).' },
  503: {
    codes: ['SERVICE_UNAVAILABLE', 'READ_MODEL_DELAYED'],
    description: 'Cơ sở dữ liệu hoặc Temporal tạm thời không truy cập được (SERVICE_UNAVAILABLE); thao tác đã ghi nhận nhưng dữ liệu hiển thị chưa kịp cập nhật (READ_MODEL_DELAYED).',
  },
} satisfies Record<number, { codes: (ErrorCode | 'READ_MODEL_DELAYED')[]; description: string }>;

export type ErrorStatus = keyof typeof CODES_BY_STATUS;

/** `{ code, message, details? }` with the codes of one status. */
function errorSchema(status: ErrorStatus): SchemaObject {
  return {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: { type: 'string', enum: CODES_BY_STATUS[status].codes },
      message: { type: 'string', description: 'Câu thông báo tiếng Việt cho người dùng' },
      details: { description: 'Chi tiết máy đọc được (trường sai, giới hạn, …), tùy lỗi' },
    },
  };
}

/**
 * The error responses a controller's routes can give, documented with the contract's schema. Applied once per
 * controller with the statuses all its routes share, and on a route for the ones only it has (422 on the import,
 * 429 on the login): what a client must handle is in the document, and a fuzzer can tell a bug from a refusal.
 */
export function ApiErrorResponses(...statuses: ErrorStatus[]): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: CODES_BY_STATUS[status].description, content: { 'application/json': { schema: errorSchema(status) } } }),
    ),
  ) as ClassDecorator & MethodDecorator;
}

/**
 * Where @ApiProperty keeps a class's properties (@nestjs/swagger's DECORATORS, not exported by its package entry;
 * the names are part of the metadata every compiled DTO carries, so they do not change between minor versions).
 */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

/** The body classes of every route, and the classes nested in them, by name (the name is the schema's). */
function dtoClasses(app: INestApplication): Map<string, Function> {
  const found = new Map<string, Function>();
  const visit = (type: unknown): void => {
    if (typeof type !== 'function' || found.has(type.name)) return;
    if (!getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length) return;
    found.set(type.name, type);
    const properties: string[] = Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, type.prototype) ?? [];
    for (const key of properties) {
      const meta = Reflect.getMetadata(API_MODEL_PROPERTIES, type.prototype, key.slice(1));
      const nested = typeof meta?.type === 'function' && !meta.type.prototype ? meta.type() : meta?.type;
      visit(Array.isArray(nested) ? nested[0] : nested);
    }
  };
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const proto = (wrapper.metatype as Function | null)?.prototype;
      if (!proto) continue;
      for (const method of Object.getOwnPropertyNames(proto)) {
        for (const param of (Reflect.getMetadata('design:paramtypes', proto, method) as unknown[] | undefined) ?? []) visit(param);
      }
    }
  }
  return found;
}

/**
 * Writes the DTOs' class-validator limits into their schemas, so the document says what the server enforces
 * (there is no compile-time swagger plugin here to do it): maxLength/minLength, maxItems/minItems, and the
 * control-character rule as a `pattern`; for `{ each: true }` rules, on the array's items.
 */
export function documentFieldLimits(app: INestApplication, doc: OpenAPIObject): void {
  for (const [name, cls] of dtoClasses(app)) {
    const schema = doc.components?.schemas?.[name] as SchemaObject | undefined;
    if (!schema?.properties) continue;
    for (const rule of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
      const property = schema.properties[rule.propertyName] as SchemaObject | undefined;
      if (!property || '$ref' in property) continue;
      const target: SchemaObject = rule.each && property.type === 'array' ? ((property.items as SchemaObject | undefined) ?? (property.items = {})) : property;
      const [n] = rule.constraints ?? [];
      switch (rule.name) {
        case 'maxLength':
          target.maxLength = n;
          break;
        case 'minLength':
          target.minLength = n;
          break;
        case 'arrayMaxSize':
          property.maxItems = n;
          break;
        case 'arrayMinSize':
          property.minItems = n;
          break;
        case IS_CLEAN_TEXT:
          target.pattern = CLEAN_TEXT_PATTERN;
          break;
      }
    }
  }
}
