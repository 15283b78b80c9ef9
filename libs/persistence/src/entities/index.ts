import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('communes')
export class CommuneEntity {
  @PrimaryColumn() code: string;
  @Column() name: string;
  @Column({ name: 'time_zone' }) timeZone: string;
}

@Entity('units')
export class UnitEntity {
  @PrimaryColumn() commune: string;
  @PrimaryColumn() code: string;
  @Column() name: string;
}

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() commune: string;
  @Column() username: string;
  @Column({ name: 'full_name' }) fullName: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ name: 'unit_code', type: 'text', nullable: true }) unitCode: string | null;
  @Column('text', { array: true }) roles: string[];
  @Column({ name: 'password_hash', select: false }) passwordHash: string;
  @Column() active: boolean;
}

@Entity('plans')
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() commune: string;
  @Column() year: number;
  @Column() title: string;
  @Column({ name: 'decision_number', type: 'text', nullable: true }) decisionNumber: string | null;
  @Column() status: 'DRAFT' | 'ACTIVE';
  @Column('jsonb') groups: { code: string; title: string }[];
  @Column('jsonb') warnings: { taskNumber: number | null; code: string; message: string }[];
  @Column({ name: 'source_sha256' }) sourceSha256: string;
  @Column({ name: 'imported_at', type: 'timestamptz' }) importedAt: Date;
  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true }) activatedAt: Date | null;
}

@Entity('plan_tasks')
export class PlanTaskEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id' }) planId: string;
  @Column() commune: string;
  @Column() number: number;
  @Column({ name: 'group_code' }) groupCode: string;
  @Column() content: string;
  @Column('text', { name: 'lead_units', array: true }) leadUnits: string[];
  @Column('text', { name: 'co_units', array: true }) coUnits: string[];
  @Column({ name: 'lead_units_text' }) leadUnitsText: string;
  @Column({ name: 'co_units_text' }) coUnitsText: string;
  @Column({ name: 'deadline_raw' }) deadlineRaw: string;
  @Column({ name: 'deadline_kind' }) deadlineKind: string;
  @Column('jsonb', { name: 'due_dates' }) dueDates: string[];
  @Column('jsonb', { name: 'original_due_dates' }) originalDueDates: string[];
  @Column() product: string;
  @Column({ name: 'workflow_id' }) workflowId: string;
  @Column() status: string;
  @Column('jsonb', { name: 'current_step', nullable: true }) currentStep: unknown;
  @Column() cycle: number;
  @Column('jsonb', { nullable: true }) snapshot: unknown;
  @Column({ name: 'last_seq' }) lastSeq: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('inbox_items')
export class InboxItemEntity {
  @PrimaryColumn({ name: 'task_id' }) taskId: string;
  @PrimaryColumn({ name: 'step_id' }) stepId: string;
  @Column() commune: string;
  @Column() kind: string;
  @Column({ name: 'unit_code', type: 'text', nullable: true }) unitCode: string | null;
  @Column({ name: 'holder_role' }) holderRole: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ name: 'due_at', type: 'date', nullable: true }) dueAt: string | null;
}

@Entity('draft_versions')
export class DraftVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'task_id' }) taskId: string;
  @Column() cycle: number;
  @Column({ name: 'unit_code' }) unitCode: string;
  @Column() version: number;
  @Column() content: string;
  @Column({ name: 'author_id' }) authorId: string;
  @Column({ name: 'author_name' }) authorName: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('attachments')
export class AttachmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_id' }) taskId: string;
  @Column() commune: string;
  @Column() name: string;
  @Column({ name: 'mime_type' }) mimeType: string;
  @Column() size: number;
  @Column() sha256: string;
  @Column({ type: 'bytea', select: false }) content: Buffer;
  @Column({ name: 'uploaded_by_id' }) uploadedById: string;
  @Column({ name: 'uploaded_by_name' }) uploadedByName: string;
  @Column() linked: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('delegations')
export class DelegationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() commune: string;
  @Column({ name: 'from_user_id' }) fromUserId: string;
  @Column({ name: 'to_user_id' }) toUserId: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Column({ name: 'valid_until', type: 'date' }) validUntil: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}

@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column() commune: string;
  @Column({ name: 'task_id' }) taskId: string;
  @Column({ name: 'workflow_id' }) workflowId: string;
  @Column() seq: number;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column() type: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName: string | null;
  @Column({ type: 'text', nullable: true }) role: string | null;
  @Column({ name: 'on_behalf_of_id', type: 'uuid', nullable: true }) onBehalfOfId: string | null;
  @Column({ name: 'on_behalf_of_name', type: 'text', nullable: true }) onBehalfOfName: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: string | null;
  @Column({ name: 'to_status', type: 'text', nullable: true }) toStatus: string | null;
  @Column('jsonb', { nullable: true }) data: Record<string, unknown> | null;
}

export const ENTITIES = [
  CommuneEntity,
  UnitEntity,
  UserEntity,
  PlanEntity,
  PlanTaskEntity,
  InboxItemEntity,
  DraftVersionEntity,
  AttachmentEntity,
  DelegationEntity,
  AuditEventEntity,
];
