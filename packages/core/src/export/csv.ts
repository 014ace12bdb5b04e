/** One cell of a CSV file. Cells that a spreadsheet would run as a formula are quoted as text. */
function cell(value: unknown): string {
  const text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV file (RFC 4180, CRLF line ends) from rows of the given columns. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return `${[columns.map(cell).join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\r\n')}\r\n`;
}
