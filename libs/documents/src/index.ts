/** Writers of the documents a commune sends: the CCHC report as an ND30 .docx and its appendix as .xlsx. */
export * from './report-document';
export {
  dateInWords,
  documentDateInWords,
  documentNumberLine,
  documentReference,
  formatNumber,
  formatQuantity,
  formatTarget,
  placeAndDateLine,
  shortDate,
} from './vietnamese-format';
export { renderReportDocx } from './docx/report-docx';
export { renderReportXlsx } from './xlsx/report-xlsx';
export {
  communeReportDocument,
  DOCX_MIME,
  placeName,
  renderCommuneReport,
  reportFileBase,
  XLSX_MIME,
  type CommuneReportFacts,
  type CommuneReportFiles,
  type CommuneReportSources,
} from './commune-report';
export { renderOverviewXlsx, type OverviewSheetCommune } from './xlsx/overview-xlsx';
