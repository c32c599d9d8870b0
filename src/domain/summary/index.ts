/** GRADING.md §9: the summary of the graded customers, one shape for every surface. */
export type { CustomerSummary, GroupSummary, OwnerSummary, SummaryKpis } from './types';
export { LIFECYCLE_STAGES, ownerText, summarise } from './summarise';
