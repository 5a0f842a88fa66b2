import { parseLineage } from './lineage-list';
import { UnitListRejected } from './unit-list';

const header = 'old_code,old_level,new_code,relation,source';

async function problemsOf(csv: string) {
  try {
    await parseLineage(csv);
  } catch (error) {
    if (error instanceof UnitListRejected) return error.problems;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('parseLineage', () => {
  it('reads merges, splits and abolitions, with the import day unless the file has its own', async () => {
    const rows = await parseLineage(
      [
        header,
        '49,province,48,merged_into,NQ 202/2025/QH15',
        '20437,commune,20443,split_into,NQ 1659',
        '20437,commune,20446,split_into,NQ 1659',
        '513,district,,abolished,Luật 72/2025/QH15',
      ].join('\n'),
    );
    expect(rows.map((r) => [r.oldCode, r.newCode, r.relation, r.effectiveOn])).toEqual([
      ['49', '48', 'merged_into', null],
      ['20437', '20443', 'split_into', null],
      ['20437', '20446', 'split_into', null],
      ['513', null, 'abolished', null],
    ]);
    const dated = await parseLineage('old_code,old_level,new_code,relation,effective_on,source\n20674,commune,20668,merged_into,2025-03-01,stale row');
    expect(dated[0]).toMatchObject({ effectiveOn: '2025-03-01', source: 'stale row' });
  });

  it.each([
    ['an unknown relation', '49,province,48,renamed_to,NQ', 'relation'],
    ['a merger without its successor', '49,province,,merged_into,NQ', 'new_code'],
    ['an abolition with a successor', '513,district,48,abolished,Luật 72', 'new_code'],
    ['a row without its act', '49,province,48,merged_into,', 'source'],
    ['an unknown level', '49,region,48,merged_into,NQ', 'old_level'],
  ])('rejects %s, naming the line and the field', async (_name, row, field) => {
    expect((await problemsOf(`${header}\n${row}`))[0]).toMatchObject({ line: 2, field });
  });

  it('rejects two fates for one unit', async () => {
    const problems = await problemsOf(`${header}\n20437,commune,20443,merged_into,NQ\n20437,commune,20446,split_into,NQ`);
    expect(problems[0]).toMatchObject({ line: 2, field: 'relation' });
  });

  it('rejects a wrong header', async () => {
    expect((await problemsOf('a,b\n1,2'))[0]).toMatchObject({ line: 1, field: '(tiêu đề)' });
  });
});
