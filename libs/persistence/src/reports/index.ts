/** The report's queries: the aggregation of the read model into a commune's report, and what its files are made from. */
export * from './aggregation';
export * from './report-files';
export * from './opening';
