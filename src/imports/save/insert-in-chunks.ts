/** Runs `insert` over `rows` in chunks, keeping each statement well under PostgreSQL's parameter limit. */
export async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}
