import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DIRECTORY_SCHEMA } from '../../schema';

/** One row per unit: its latest state. Dates are calendar days (`date`), read as text. */
@Entity({ schema: DIRECTORY_SCHEMA, name: 'units' })
export class UnitRecord {
  @PrimaryColumn('text') code!: string;
  @Column('text') level!: string;
  @Column('text', { nullable: true }) kind!: string | null;
  @Column('text') name!: string;
  @Column('text') type!: string;
  @Index() @Column('text', { name: 'parent_code', nullable: true }) parentCode!: string | null;
  @Column('date', { name: 'valid_from', nullable: true }) validFrom!: string | null;
  @Column('date', { name: 'valid_to', nullable: true }) validTo!: string | null;
  @Column('text', { name: 'merged_into', nullable: true }) mergedInto!: string | null;
  @Column('boolean') dissolved!: boolean;
  /** Last stream version applied: a replayed event at or below it changes nothing. */
  @Column('int') version!: number;
}

/** One row per period of validity: what `asOf` queries read. */
@Entity({ schema: DIRECTORY_SCHEMA, name: 'unit_periods' })
@Index(['parentCode', 'level'])
export class UnitPeriodRecord {
  @PrimaryColumn('text') code!: string;
  @PrimaryColumn('int') seq!: number;
  @Column('text') level!: string;
  @Column('text', { nullable: true }) kind!: string | null;
  @Column('text') name!: string;
  @Column('text') type!: string;
  @Column('text', { name: 'parent_code', nullable: true }) parentCode!: string | null;
  @Column('date', { name: 'valid_from', nullable: true }) validFrom!: string | null;
  @Column('date', { name: 'valid_to', nullable: true }) validTo!: string | null;
}
