/** The 汇总: a year's forms grouped by 主管部门 and unit with exact totals, and its Excel and Word files. */
export { runSummary, type SummaryOptions, type SummaryProgress } from './run';
export { summaryColumns, type MoneyColumn, type SummaryColumns } from './columns';
export { readCodedName, type CodedName } from './parents';
