import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { PLANS_SCHEMA } from '../../schema';
import type { PlanState } from '../../domain/plan.decider';

/** One row per plan: its current state (`document`, folded by the decider's evolve) and the columns queries filter on. */
@Entity({ schema: PLANS_SCHEMA, name: 'plans' })
@Index(['issuerCode', 'year'])
export class PlanRecord {
  @PrimaryColumn('text') id!: string;
  @Column('text') number!: string;
  @Column('text') title!: string;
  @Column('text', { name: 'issuer_code' }) issuerCode!: string;
  @Column('int') year!: number;
  /** DRAFT, ISSUED, CLOSED */
  @Column('text') status!: string;
  @Column('int', { nullable: true }) revision!: number | null;
  @Index() @Column('text', { name: 'implements_plan_id', nullable: true }) implementsPlanId!: string | null;
  @Column('date', { name: 'issued_on', nullable: true }) issuedOn!: string | null;
  @Column('text', { array: true }) frameworks!: string[];
  /** Sections and tasks with parsed forms, resolved units and unresolved parts; amendments; cascade. */
  @Column('jsonb') document!: Exclude<PlanState, { status: 'absent' }>;
  /** Last stream version applied: a replayed event at or below it changes nothing. */
  @Column('int') version!: number;
}
