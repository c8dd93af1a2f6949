import { distinctStatements } from '../../bench/measure/statement-capture';
import { onlyNewMigrations } from '../../bench/dataset/upgrade-dataset';

const marker = (migrations: string, customers = 100_000) => ({ seed: 42, customers, migrations });

describe('benchmark data set reuse', () => {
  it('upgrades in place only when migrations were added, never renamed, removed or reordered', () => {
    expect(onlyNewMigrations(marker('a1,a2,b1'), marker('a1,a2,a3,b1,b2'))).toBe(true);
    expect(onlyNewMigrations(marker('a1,a2,b1'), marker('a1,a2,b1'))).toBe(false); // nothing new: plain reuse
    expect(onlyNewMigrations(marker('a1,a2,b1'), marker('a1,b1,b2'))).toBe(false); // a2 removed
    expect(onlyNewMigrations(marker('a1,a2,b1'), marker('a2,a1,b1,b2'))).toBe(false); // reordered
    expect(onlyNewMigrations(marker('a1,a2'), marker('a1,a2,a3', 300))).toBe(false); // another size
    expect(onlyNewMigrations(undefined, marker('a1'))).toBe(false);
  });
});

describe('R8 floor statements', () => {
  it('counts a statement once per text and parameters', () => {
    const s = (text: string, values: unknown[]) => ({ text, values, rows: 1 });
    expect(distinctStatements([s('SELECT 1', []), s('SELECT $1', [1]), s('SELECT 1', []), s('SELECT $1', [2])]).map((x) => x.values)).toEqual([[], [1], [2]]);
  });
});
