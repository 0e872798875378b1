/** One line of the bench table, and what goes into the JSON file beside it. */
export interface ResultRow {
  id: string;
  scenario: string;
  ours: string;
  reference: string;
  /** ours ÷ reference in the direction the target is stated; null when there is no reference. */
  ratio: number | null;
  target: string;
  /** null: measured for information, no target applies (or it could not be measured). */
  pass: boolean | null;
  data: Record<string, unknown>;
}

export interface BenchContext {
  log: (message: string) => void;
}
