import { completenessOf } from './completeness';

describe('completeness of a period', () => {
  it('counts expected, submitted, on time, late, missing, accepted, returned, waived, with rates and the missing units', () => {
    const result = completenessOf([
      { unitCode: '3', status: 'ACCEPTED', submittedOn: '2021-09-15', late: false },
      { unitCode: '1', status: 'SUBMITTED', submittedOn: '2021-09-17', late: true },
      { unitCode: '2', status: 'RETURNED', submittedOn: '2021-09-15', late: false },
      { unitCode: '5', status: 'DRAFT', submittedOn: null, late: false },
      { unitCode: '4', status: 'EXPECTED', submittedOn: null, late: false },
      { unitCode: '6', status: 'WAIVED', submittedOn: null, late: false },
      { unitCode: '7', status: 'EXPECTED', submittedOn: null, late: false },
      { unitCode: '8', status: 'EXPECTED', submittedOn: null, late: false },
    ]);
    expect(result).toEqual({
      expected: 8,
      submitted: 3,
      onTime: 2,
      late: 1,
      missing: 4,
      accepted: 1,
      returned: 1,
      waived: 1,
      submittedRate: 37.5,
      onTimeRate: 25,
      acceptedRate: 12.5,
      missingUnitCodes: ['4', '5', '7', '8'],
    });
  });

  it('has no rates when nothing is expected', () => expect(completenessOf([])).toMatchObject({ expected: 0, submittedRate: null }));
});
