import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '@reform/event-store';
import { PostgresUnitHierarchy } from '@reform/unit-hierarchy';
import { createTestDatabase, createTestDataSource, TestDatabase } from '@reform/testing';
import { tasksMigrations } from '../src/tasks-migrations';
import { TASKS_SCHEMA as S } from '../src/schema';
import { PlanTree } from '../src/read/plan-progress/plan-tree';

describe('a plan as the tasks service heard it: its issuer and issue day, read once', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let tree: PlanTree;

  beforeAll(async () => {
    database = await createTestDatabase('plan_facts');
    dataSource = await createTestDataSource(database.url, { migrations: [...eventStoreMigrations(S), ...tasksMigrations()] });
    tree = new PlanTree(dataSource, new PostgresUnitHierarchy(dataSource.manager, S));
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('remembers a heard plan (known_plans is written once), and does not remember one not heard of yet', async () => {
    await expect(tree.heardOf('plan-1')).resolves.toBeNull();
    await expect(tree.issueDayOf('plan-1')).resolves.toBeNull();
    await dataSource.query(
      `INSERT INTO "${S}".known_plans (plan_id, number, title, issuer_code, year, issued_on) VALUES ('plan-1', '1/KH', 'Kế hoạch', '49', 2025, '2025-03-10')`,
    );
    await expect(tree.heardOf('plan-1')).resolves.toEqual({ issuerCode: '49', issuedOn: '2025-03-10' });
    // Asked again, the row is not read again: a change no writer makes is not seen.
    await dataSource.query(`UPDATE "${S}".known_plans SET issuer_code = '48', issued_on = '2025-08-01' WHERE plan_id = 'plan-1'`);
    await expect(tree.heardOf('plan-1')).resolves.toEqual({ issuerCode: '49', issuedOn: '2025-03-10' });
    await expect(tree.issueDayOf('plan-1')).resolves.toBe('2025-03-10');
  });
});
