/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Text for a spreadsheet cell or CSV field that can never run as a formula: text starting with = + - @, tab or
 * carriage return gets a leading apostrophe, which Excel and LibreOffice read as "this is text".
 */
export function escapeFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}
