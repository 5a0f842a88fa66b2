import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@reform/testing';
import { runImportCli } from '../src/write/import-units/cli';

describe('import-units CLI (distributed mode)', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase('import_cli');
    dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  const run = async (argv: string[], env: Record<string, string | undefined> = { DATABASE_URL: database.url }) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImportCli(argv, env, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const count = async (sql: string) => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows[0].count as number;
    } finally {
      await client.end();
    }
  };

  const VALID = [
    'code,name,type,level,parent_code',
    '49,Tỉnh Quảng Nam,Tỉnh,province,',
    '513,Huyện Thăng Bình,Huyện,district,49',
    '20794,Xã Bình Dương,Xã,commune,513',
    '',
  ].join('\n');

  it('imports a small valid file and prints the summary; a second run appends nothing', async () => {
    const path = file('valid.csv', VALID);
    const first = await run([path, '--date', '2025-03-01']);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('3 rows, 3 established, 0 renamed, 0 transferred, 0 unchanged');
    expect(await count(`SELECT count(*)::int AS count FROM directory.units`)).toBe(3);
    const events = await count(`SELECT count(*)::int AS count FROM directory.events`);

    const second = await run([path, '--date', '2025-03-01']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('3 rows, 0 established, 0 renamed, 0 transferred, 3 unchanged');
    expect(await count(`SELECT count(*)::int AS count FROM directory.events`)).toBe(events);
  });

  it('records a changed name or parent as a rename or transfer effective on the list date, once', async () => {
    const changed = [
      'code,name,type,level,parent_code',
      '49,Tỉnh Quảng Nam,Tỉnh,province,',
      '513,Thị xã Thăng Bình,Thị xã,district,49',
      '514,Huyện Tiên Phước,Huyện,district,49',
      '20794,Xã Bình Dương,Xã,commune,514',
      '',
    ].join('\n');
    const path = file('changed.csv', changed);
    const first = await run([path, '--date', '2025-07-01']);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('4 rows, 1 established, 1 renamed, 1 transferred, 1 unchanged');
    const periods = async (code: string) => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        return (
          await client.query(`SELECT name, parent_code, valid_from::text, valid_to::text FROM directory.unit_periods WHERE code = $1 ORDER BY seq`, [code])
        ).rows;
      } finally {
        await client.end();
      }
    };
    expect(await periods('513')).toEqual([
      { name: 'Huyện Thăng Bình', parent_code: '49', valid_from: null, valid_to: '2025-07-01' },
      { name: 'Thị xã Thăng Bình', parent_code: '49', valid_from: '2025-07-01', valid_to: null },
    ]);
    expect(await periods('20794')).toEqual([
      { name: 'Xã Bình Dương', parent_code: '513', valid_from: null, valid_to: '2025-07-01' },
      { name: 'Xã Bình Dương', parent_code: '514', valid_from: '2025-07-01', valid_to: null },
    ]);
    expect((await run([path, '--date', '2025-07-01'])).out).toContain('4 rows, 0 established, 0 renamed, 0 transferred, 4 unchanged');
  });

  it('takes a later change from files through the same path as the 2025 reorganisation (a 2026 merger and rename), once', async () => {
    const units = file(
      'units-2026.csv',
      ['code,name,type,level,parent_code', '49,Tỉnh Quảng Nam,Tỉnh,province,', '514,Huyện Tiên Phước Mới,Huyện,district,49', ''].join('\n'),
    );
    const lineage = file(
      'lineage-2026.csv',
      [
        'old_code,old_level,new_code,relation,source',
        '513,district,514,merged_into,NQ 1/2026/UBTVQH16',
        '514,district,514,merged_into,NQ 1/2026/UBTVQH16',
        '',
      ].join('\n'),
    );
    const first = await run([units, '--lineage', lineage, '--date', '2026-03-01']);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('0 established, 1 reorganised, 1 merged, 0 split, 0 dissolved, 2 events in 1 batches');
    expect(first.out).toContain('lineage-2026.csv: 2/2 events');
    const events = await count(`SELECT count(*)::int AS count FROM directory.events`);
    const merged = await count(
      `SELECT count(*)::int AS count FROM directory.units WHERE code = '513' AND merged_into = '514' AND valid_to = '2026-03-01' AND successors @> '[{"source": "NQ 1/2026/UBTVQH16"}]'`,
    );
    expect(merged).toBe(1);
    expect((await run([units, '--lineage', lineage, '--date', '2026-03-01'])).out).toContain('0 events in 0 batches');
    expect(await count(`SELECT count(*)::int AS count FROM directory.events`)).toBe(events);
  });

  it('refuses a lineage row naming an unknown unit with exit code 1, naming the line', async () => {
    const lineage = file('bad-lineage.csv', ['old_code,old_level,new_code,relation,source', '20794,commune,99999,merged_into,NQ 2/2026', ''].join('\n'));
    const result = await run(['--lineage', lineage, '--date', '2026-06-01']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('dòng 2, cột lineage.new_code');
  });

  it('refuses a malformed file with exit code 1, naming the line in Vietnamese, and imports nothing of it', async () => {
    const events = await count(`SELECT count(*)::int AS count FROM directory.events`);
    const path = file(
      'malformed.csv',
      ['code,name,type,level,parent_code', '48,Thành phố Đà Nẵng,Thành phố Trung ương,province,', '4x0,Quận Hải Châu,Quận,district,48', ''].join('\n'),
    );
    const result = await run([path]);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('Tệp danh mục bị từ chối');
    expect(result.err).toContain('dòng 3, cột code');
    expect(await count(`SELECT count(*)::int AS count FROM directory.events`)).toBe(events);
    expect(await count(`SELECT count(*)::int AS count FROM directory.units WHERE code = '48'`)).toBe(0);
  });

  it('names a bad DATABASE_URL, a bad option and a missing file', async () => {
    expect(await run([], { DATABASE_URL: 'mysql://x' })).toMatchObject({ code: 2, err: expect.stringContaining('DATABASE_URL') });
    expect(await run(['--date', 'yesterday'])).toMatchObject({ code: 2, err: expect.stringContaining('--date') });
    expect(await run([join(dir, 'absent.csv')])).toMatchObject({ code: 1, err: expect.stringContaining('absent.csv') });
  });
});
