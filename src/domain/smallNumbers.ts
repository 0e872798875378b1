/**
 * Small-number protection for published statistics: the one rule the table, the charts, the CSV
 * and the printed report all use, applied on the server so the protected values never leave it.
 *
 * A count of people under the threshold (but above zero) could point at a person: it is published
 * as "small" ("< 5"). Hiding it alone is not enough when the table also shows row and column
 * totals: a row with one hidden cell gives it away by subtraction. So further cells are hidden
 * ("hidden", complementary suppression) until no hidden value follows from the published ones.
 *
 * The model: a table with its row totals, column totals and grand total is one grid in which every
 * line sums to its total. Read each row (the total row included) and each column (the total column
 * included) as a node, and every hidden entry as an edge between its row and its column. A hidden
 * entry can be worked out from the published numbers exactly when its edge is a bridge of that
 * graph (on no cycle); on a cycle, adding and subtracting the same amount around it changes no
 * published number. So complementary cells are added until the graph of hidden entries has no
 * bridge, choosing each time the cheapest path (smallest counts) that closes a cycle.
 */

/** What a published count is: its exact value, or why it is withheld. */
export type PublishedCount = number | 'small' | 'hidden';

/** Counts of people under this (and above zero) are withheld unless the server says otherwise. */
export const DEFAULT_SMALL_NUMBER_THRESHOLD = 5;

export interface ProtectedTable {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  total: PublishedCount;
}

/** The entries of a table with margins: row `rows` is the total row, column `columns` the total column. */
interface Grid {
  rows: number;
  columns: number;
  value(row: number, column: number): number;
}

const isSmall = (value: number, threshold: number) => value > 0 && value < threshold;

function gridOf(counts: readonly (readonly number[])[], columns: number): Grid {
  const rows = counts.length;
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: columns }, (_, c) =>
    counts.reduce((a, r) => a + (r[c] ?? 0), 0),
  );
  const total = rowTotals.reduce((a, b) => a + b, 0);
  return {
    rows,
    columns,
    value(row, column) {
      if (row === rows) return column === columns ? total : columnTotals[column]!;
      if (column === columns) return rowTotals[row]!;
      return counts[row]![column]!;
    },
  };
}

/**
 * Edges of the hidden-entry graph that lie on no cycle. Nodes: rows 0..R (R = the total row), then
 * columns as R+1+c. Tarjan's bridge search, iterative enough for tables of a few hundred lines.
 */
function findBridge(
  hidden: boolean[][],
  rowNodes: number,
  columnNodes: number,
): [number, number] | undefined {
  const n = rowNodes + columnNodes;
  const neighbours = (node: number): number[] => {
    const out: number[] = [];
    if (node < rowNodes) {
      for (let c = 0; c < columnNodes; c++) if (hidden[node]![c]) out.push(rowNodes + c);
    } else {
      const c = node - rowNodes;
      for (let r = 0; r < rowNodes; r++) if (hidden[r]![c]) out.push(r);
    }
    return out;
  };
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  let counter = 0;
  let bridge: [number, number] | undefined;
  const visit = (node: number, parent: number) => {
    order[node] = low[node] = counter++;
    for (const next of neighbours(node)) {
      if (next === parent) continue;
      if (order[next] === -1) {
        visit(next, node);
        if (bridge) return;
        low[node] = Math.min(low[node], low[next]!);
        if (low[next]! > order[node]) {
          bridge = node < rowNodes ? [node, next - rowNodes] : [next, node - rowNodes];
          return;
        }
      } else {
        low[node] = Math.min(low[node], order[next]!);
      }
    }
  };
  for (let node = 0; node < n && !bridge; node++) if (order[node] === -1) visit(node, -1);
  return bridge;
}

/**
 * The cheapest set of entries to hide so that the bridge (row, column) lies on a cycle: the
 * shortest path from its row to its column not using it, where hidden entries cost nothing and a
 * published entry costs its value (plus one, so fewer entries win among equal sums).
 */
function cheapestDetour(
  grid: Grid,
  hidden: boolean[][],
  bridge: [number, number],
): [number, number][] {
  const rowNodes = grid.rows + 1;
  const columnNodes = grid.columns + 1;
  const n = rowNodes + columnNodes;
  const distance = new Array<number>(n).fill(Infinity);
  const previous = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  const [startRow, endColumn] = bridge;
  distance[startRow] = 0;
  const cost = (r: number, c: number) => {
    if (r === startRow && c === endColumn) return Infinity;
    return hidden[r]![c] ? 0 : grid.value(r, c) + 1;
  };
  for (;;) {
    let node = -1;
    for (let i = 0; i < n; i++)
      if (!done[i] && (node === -1 || distance[i]! < distance[node]!)) node = i;
    if (node === -1 || distance[node] === Infinity) break;
    done[node] = true;
    if (node === rowNodes + endColumn) break;
    const relax = (next: number, weight: number) => {
      if (distance[node]! + weight < distance[next]!) {
        distance[next] = distance[node]! + weight;
        previous[next] = node;
      }
    };
    if (node < rowNodes) for (let c = 0; c < columnNodes; c++) relax(rowNodes + c, cost(node, c));
    else for (let r = 0; r < rowNodes; r++) relax(r, cost(r, node - rowNodes));
  }
  const path: [number, number][] = [];
  for (let node = rowNodes + endColumn; previous[node] !== -1; node = previous[node]!) {
    const from = previous[node]!;
    path.push(node < rowNodes ? [node, from - rowNodes] : [from, node - rowNodes]);
  }
  return path;
}

/**
 * Which entries of the grid (totals included) to withhold: every small one, plus complements
 * until no withheld value follows from the published ones. `forced` entries are withheld too
 * (a margin shared with another table that withholds it).
 */
function hiddenEntries(
  grid: Grid,
  threshold: number,
  forced: boolean[][] | undefined,
): boolean[][] {
  const hidden = Array.from({ length: grid.rows + 1 }, (_, r) =>
    Array.from(
      { length: grid.columns + 1 },
      (_, c) => isSmall(grid.value(r, c), threshold) || (forced?.[r]?.[c] ?? false),
    ),
  );
  for (;;) {
    const bridge = findBridge(hidden, grid.rows + 1, grid.columns + 1);
    if (!bridge) return hidden;
    for (const [r, c] of cheapestDetour(grid, hidden, bridge)) hidden[r]![c] = true;
  }
}

function publish(grid: Grid, hidden: boolean[][], threshold: number): ProtectedTable {
  const at = (r: number, c: number): PublishedCount => {
    const value = grid.value(r, c);
    if (!hidden[r]![c]) return value;
    return isSmall(value, threshold) ? 'small' : 'hidden';
  };
  const range = (length: number) => Array.from({ length }, (_, i) => i);
  return {
    cells: range(grid.rows).map((r) => range(grid.columns).map((c) => at(r, c))),
    rowTotals: range(grid.rows).map((r) => at(r, grid.columns)),
    columnTotals: range(grid.columns).map((c) => at(grid.rows, c)),
    total: at(grid.rows, grid.columns),
  };
}

/**
 * Protects one table of counts (rows × columns of non-negative integers) published with its row
 * totals, column totals and grand total. Zero is published as it is: it points at no one.
 */
export function protectTable(
  counts: readonly (readonly number[])[],
  columns: number,
  threshold = DEFAULT_SMALL_NUMBER_THRESHOLD,
): ProtectedTable {
  return protectLinkedTables([counts], columns, threshold)[0]!;
}

/**
 * Protects tables that break the same total down in different ways (contacts by location, by age
 * group, by gender…): they share their column totals and grand total, so a margin withheld in one
 * is withheld in all, and each is then protected again around it until they agree.
 */
export function protectLinkedTables(
  tables: readonly (readonly (readonly number[])[])[],
  columns: number,
  threshold = DEFAULT_SMALL_NUMBER_THRESHOLD,
): ProtectedTable[] {
  const grids = tables.map((t) => gridOf(t, columns));
  let sharedHidden = new Array<boolean>(columns + 1).fill(false);
  for (;;) {
    const hidden = grids.map((grid) => {
      const forced = Array.from({ length: grid.rows + 1 }, (_, r) =>
        Array.from({ length: columns + 1 }, (_, c) => r === grid.rows && sharedHidden[c]!),
      );
      return hiddenEntries(grid, threshold, forced);
    });
    const union = sharedHidden.map((_, c) => hidden.some((h, i) => h[grids[i]!.rows]![c]!));
    if (union.every((h, c) => h === sharedHidden[c])) {
      return grids.map((grid, i) => publish(grid, hidden[i]!, threshold));
    }
    sharedHidden = union;
  }
}

/**
 * Protects counts published on their own, with no totals to subtract from (the number of distinct
 * citizens, which does not add up across months or places): only the small ones are withheld.
 */
export function protectCount(
  value: number,
  threshold = DEFAULT_SMALL_NUMBER_THRESHOLD,
): PublishedCount {
  return isSmall(value, threshold) ? 'small' : value;
}
