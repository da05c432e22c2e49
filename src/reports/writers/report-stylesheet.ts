/**
 * Styles for the HTML report. `reportStylesheet` styles the report's own classes (and the print layout) on top of
 * GOV.UK Frontend; `standaloneStylesheet` adds the few GOV.UK Frontend rules the report uses, so a downloaded
 * report reads well with no other files. Tag colours are GOV.UK Frontend's own (AA contrast).
 */
export const reportStylesheet = `
.waymark-cover { margin-bottom: 30px; }
.waymark-logo { display: block; margin-bottom: 15px; }
.waymark-table th, .waymark-table td { vertical-align: top; }
.waymark-subheading-row td { background: #f3f2f1; font-weight: 700; }
.waymark-indent-1 { padding-left: 12px !important; }
.waymark-indent-2 { padding-left: 24px !important; }
.waymark-indent-3 { padding-left: 36px !important; }
.waymark-indent-4 { padding-left: 48px !important; }
.waymark-chart { margin: 0 0 30px; max-width: 720px; }
.waymark-chart svg { width: 100%; height: auto; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10pt; }
  .waymark-part { break-before: page; }
  .waymark-table thead { display: table-header-group; }
  .waymark-table tr { break-inside: avoid; }
  .waymark-table caption, h2, h3 { break-after: avoid; }
  .govuk-tag, .waymark-subheading-row td, .waymark-chart rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .govuk-tag { border: 1px solid currentColor; }
}
`;

export const standaloneStylesheet = `
body { margin: 0; font-family: arial, sans-serif; color: #0b0c0c; background: #fff; line-height: 1.32; }
.govuk-width-container { max-width: 1400px; margin: 0 auto; padding: 0 20px; }
.govuk-heading-xl { font-size: 2.5rem; margin: 0 0 30px; }
.govuk-heading-l { font-size: 1.9rem; margin: 40px 0 20px; }
.govuk-heading-m { font-size: 1.4rem; margin: 30px 0 15px; }
.govuk-caption-l { color: #505a5f; font-size: 1.4rem; margin: 0 0 5px; }
.govuk-body, .govuk-list { font-size: 1rem; margin: 0 0 15px; }
.govuk-body-l { font-size: 1.3rem; margin: 0 0 20px; }
.govuk-list--bullet { padding-left: 20px; list-style: disc; }
.govuk-summary-list { margin: 0 0 20px; display: table; border-collapse: collapse; }
.govuk-summary-list__row { display: table-row; border-bottom: 1px solid #b1b4b6; }
.govuk-summary-list__key, .govuk-summary-list__value { display: table-cell; padding: 8px 20px 8px 0; margin: 0; }
.govuk-summary-list__key { font-weight: 700; }
.govuk-table { width: 100%; border-collapse: collapse; border-spacing: 0; margin-bottom: 30px; font-size: 0.9rem; }
.govuk-table__caption { text-align: left; font-weight: 700; margin-bottom: 10px; }
.govuk-table__caption--s { font-size: 1.1rem; }
.govuk-table__header, .govuk-table__cell { padding: 8px 12px 8px 0; border-bottom: 1px solid #b1b4b6; text-align: left; }
.govuk-table__header { font-weight: 700; }
.govuk-table__header--numeric, .govuk-table__cell--numeric { text-align: right; }
.govuk-tag { display: inline-block; padding: 2px 8px 3px; font-weight: 700; color: #0c2d4a; background: #bbd4ea; }
.govuk-tag--grey { color: #282d30; background: #e5e6e7; }
.govuk-tag--blue { color: #0c2d4a; background: #bbd4ea; }
.govuk-tag--orange { color: #6e3619; background: #fcd6c3; }
.govuk-tag--red { color: #2a0b06; background: #f4cdc6; }
.govuk-tag--green { color: #005a30; background: #cce2d8; }
.govuk-visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
  padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important; }
`;
