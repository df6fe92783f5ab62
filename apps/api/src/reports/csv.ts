// CSV through csv-stringify (quoting, separators, newlines), plus a guard against
// spreadsheet formula injection: text cells starting with = + - @ tab or CR get a leading '.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

function safeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([header.map(safeText), ...rows], {
    cast: {
      string: safeText,
      date: (d) => d.toISOString(),
      number: (n) => String(n),
      boolean: (b) => (b ? "true" : "false"),
    },
    record_delimiter: "\r\n",
  });
}
