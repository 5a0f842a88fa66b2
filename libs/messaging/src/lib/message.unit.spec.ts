import { subjectMatches } from './message';

describe('subjectMatches (NATS wildcards, used by the in-process bus)', () => {
  it.each([
    ['directory.>', 'directory.unit.UnitRenamed', true],
    ['directory.>', 'directory', false],
    ['directory.*.UnitRenamed', 'directory.unit.UnitRenamed', true],
    ['directory.*', 'directory.unit.UnitRenamed', false],
    ['directory.unit.UnitRenamed', 'directory.unit.UnitRenamed', true],
    ['directory.unit.UnitRenamed', 'directory.unit.UnitRenamedLater', false],
    ['directory.unit', 'directory.unit.UnitRenamed', false],
    ['plans.>', 'directory.unit.UnitRenamed', false],
  ])('%s matches %s: %s', (pattern, subject, expected) => {
    expect(subjectMatches(pattern, subject)).toBe(expected);
  });
});
