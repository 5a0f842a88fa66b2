import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StoredAssignment } from './stored-assignment';
import { TASKS_SCHEMA } from '../../schema';

/**
 * One row per assignment: its latest state, the columns the queries filter on, and the whole
 * state (jsonb, `StoredAssignment`) that the GraphQL type reads. Written only by `assignmentsProjection`.
 */
@Entity({ schema: TASKS_SCHEMA, name: 'assignments' })
@Index(['unitCode', 'status'])
@Index(['planId', 'taskId'])
export class AssignmentRecord {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'plan_id' }) planId!: string;
  @Column('text', { name: 'task_id' }) taskId!: string;
  @Column('text', { name: 'unit_code' }) unitCode!: string;
  @Column('text') role!: string;
  @Column('text') kind!: string;
  @Column('text') status!: string;
  @Column('int') percent!: number;
  /** The next due day (see nextDueOn). */
  @Column('date', { name: 'due_on', nullable: true }) dueOn!: string | null;
  @Column('boolean') overdue!: boolean;
  /** The last due day recorded overdue / reminded: the scheduler's "already done" marks. */
  @Column('date', { name: 'overdue_for', nullable: true }) overdueFor!: string | null;
  @Column('date', { name: 'reminded_for', nullable: true }) remindedFor!: string | null;
  @Column('text', { name: 'assigner_code' }) assignerCode!: string;
  @Column('text', { name: 'plan_number' }) planNumber!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  /** Last stream version applied: a replayed event at or below it changes nothing. */
  @Column('int') version!: number;
  /** Without the fields that still hold their starting values: read it through `fromStored`. */
  @Column('jsonb') state!: StoredAssignment;
}
