import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  protectCount,
  protectLinkedTables,
  protectTable,
  type ProtectedTable,
  type PublishedCount,
} from '../../src/domain/smallNumbers';

/** Every entry of a table with its margins, in one grid: row R is the totals row, column C the totals column. */
function fullGrid(counts: number[][], columns: number): number[][] {
  const rows = counts.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: columns + 1 }, (_, c) => rows.reduce((a, r) => a + r[c]!, 0));
  return [...rows, totals];
}

function publishedGrid(t: ProtectedTable): PublishedCount[][] {
  return [...t.cells.map((r, i) => [...r, t.rowTotals[i]!]), [...t.columnTotals, t.total]];
}

/**
 * Whether the withheld entry `target` follows from the published numbers: the linear equations
 * "every row and column of the grid sums to its total", with the published values known, determine
 * the unknown exactly when its unit vector lies in the span of the equations' unknown parts.
 * Independent of how the function chose what to hide (plain Gaussian elimination, exact in
 * integers for these small 0/±1 systems via fractions-free elimination on rationals as numbers).
 */
function derivable(published: PublishedCount[][], target: [number, number]): boolean {
  const R = published.length - 1;
  const C = published[0]!.length - 1;
  const unknowns: [number, number][] = [];
  published.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'number') unknowns.push([r, c]);
    }),
  );
  const index = (r: number, c: number) => unknowns.findIndex(([a, b]) => a === r && b === c);
  const equations: number[][] = [];
  for (let r = 0; r <= R; r++) {
    const e = new Array<number>(unknowns.length).fill(0);
    for (let c = 0; c < C; c++) if (index(r, c) >= 0) e[index(r, c)] = 1;
    if (index(r, C) >= 0) e[index(r, C)] = -1;
    equations.push(e);
  }
  for (let c = 0; c <= C; c++) {
    const e = new Array<number>(unknowns.length).fill(0);
    for (let r = 0; r < R; r++) if (index(r, c) >= 0) e[index(r, c)] = 1;
    if (index(R, c) >= 0) e[index(R, c)] = -1;
    equations.push(e);
  }
  const rank = (m: number[][]): number => {
    const a = m.map((row) => [...row]);
    let rk = 0;
    for (let col = 0; col < unknowns.length && rk < a.length; col++) {
      let pivot = -1;
      for (let i = rk; i < a.length; i++) if (Math.abs(a[i]![col]!) > 1e-9) pivot = i;
      if (pivot === -1) continue;
      [a[rk], a[pivot]] = [a[pivot]!, a[rk]!];
      for (let i = 0; i < a.length; i++) {
        if (i === rk) continue;
        const f = a[i]![col]! / a[rk]![col]!;
        if (f !== 0) for (let j = col; j < unknowns.length; j++) a[i]![j]! -= f * a[rk]![j]!;
      }
      rk++;
    }
    return rk;
  };
  const unit = new Array<number>(unknowns.length).fill(0);
  unit[index(...target)] = 1;
  return rank([...equations, unit]) === rank(equations);
}

const tableArb = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 1, max: 6 }) })
  .chain(({ rows, columns }) =>
    fc.record({
      columns: fc.constant(columns),
      counts: fc.array(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), {
          minLength: columns,
          maxLength: columns,
        }),
        { minLength: rows, maxLength: rows },
      ),
      threshold: fc.integer({ min: 2, max: 10 }),
    }),
  );

describe('small numbers in published statistics', () => {
  it('withholds counts under the threshold as small and publishes zero and larger counts exactly', () => {
    expect(protectTable([[12, 0, 40]], 3)).toEqual({
      cells: [[12, 0, 40]],
      rowTotals: [52],
      columnTotals: [12, 0, 40],
      total: 52,
    });
    expect(protectTable([[12, 3, 0, 40]], 4).cells[0]![1]).toBe('small');
    expect(protectCount(4)).toBe('small');
    expect(protectCount(5)).toBe(5);
    expect(protectCount(0)).toBe(0);
  });

  it('hides a second cell of a row with one small cell, so the row total does not give it away', () => {
    const t = protectTable(
      [
        [20, 3, 30],
        [25, 26, 27],
      ],
      3,
    );
    expect(t.rowTotals[0]).toBe(53);
    expect(t.cells[0]!.filter((v) => typeof v !== 'number').length).toBeGreaterThanOrEqual(2);
    expect(t.cells[0]![1]).toBe('small');
    // The column of the 3 needs a second hidden entry too, and the complements are marked as such.
    expect(t.cells.map((r) => r[1]).filter((v) => typeof v !== 'number').length).toBe(2);
    expect(publishedGrid(t).flat()).toContain('hidden');
  });

  it('withholds a small total too, and the counts that would reveal it', () => {
    const t = protectTable(
      [
        [1, 2],
        [30, 40],
      ],
      2,
    );
    expect(t.rowTotals[0]).toBe('small');
    expect(t.cells[0]).toEqual(['small', 'small']);
    expect(derivable(publishedGrid(t), [0, 2])).toBe(false);
  });

  it('for random tables: every small count is withheld, every published one is exact, and no withheld value follows from the published cells and totals', () => {
    fc.assert(
      fc.property(tableArb, ({ counts, columns, threshold }) => {
        const t = protectTable(counts, columns, threshold);
        const truth = fullGrid(counts, columns);
        const published = publishedGrid(t);
        published.forEach((row, r) =>
          row.forEach((v, c) => {
            const real = truth[r]![c]!;
            if (real > 0 && real < threshold) expect(v).toBe('small');
            if (typeof v === 'number') expect(v).toBe(real);
            else {
              expect(v).toBe(real > 0 && real < threshold ? 'small' : 'hidden');
              expect(derivable(published, [r, c])).toBe(false);
            }
          }),
        );
        // The weaker, line-by-line form: no row or column has exactly one withheld entry.
        const lines = [...published, ...published[0]!.map((_, c) => published.map((r) => r[c]))];
        for (const line of lines)
          expect(line.filter((v) => typeof v !== 'number').length).not.toBe(1);
      }),
      { numRuns: 400 },
    );
  });

  it('for random tables sharing their column totals: a total withheld in one is withheld in all, and each stays underivable', () => {
    const linkedArb = fc.integer({ min: 1, max: 5 }).chain((columns) =>
      fc
        .array(fc.nat({ max: 12 }), { minLength: columns, maxLength: columns })
        .chain((monthTotals) => {
          // Two breakdowns of the same monthly totals: split each total randomly into 2..3 parts.
          const split = (parts: number) =>
            fc.tuple(
              ...monthTotals.map((total) =>
                fc
                  .array(fc.nat({ max: total }), { minLength: parts - 1, maxLength: parts - 1 })
                  .map((cuts) => {
                    const sorted = [0, ...cuts.sort((a, b) => a - b), total];
                    return sorted.slice(1).map((v, i) => v - sorted[i]!);
                  }),
              ),
            );
          return fc.record({
            columns: fc.constant(columns),
            a: split(2),
            b: split(3),
          });
        }),
    );
    fc.assert(
      fc.property(linkedArb, ({ columns, a, b }) => {
        const transpose = (byColumn: number[][]) =>
          byColumn[0]!.map((_, r) => byColumn.map((col) => col[r]!));
        const tables = [transpose(a), transpose(b)];
        const out = protectLinkedTables(tables, columns, 5);
        expect(out[0]!.columnTotals).toEqual(out[1]!.columnTotals);
        expect(out[0]!.total).toEqual(out[1]!.total);
        out.forEach((t, i) => {
          const published = publishedGrid(t);
          const truth = fullGrid(tables[i]!, columns);
          published.forEach((row, r) =>
            row.forEach((v, c) => {
              if (typeof v === 'number') expect(v).toBe(truth[r]![c]);
              else expect(derivable(published, [r, c])).toBe(false);
            }),
          );
        });
      }),
      { numRuns: 200 },
    );
  });
});
