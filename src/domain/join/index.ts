/** Joining a customer archive to an order log on the customer ID (pure). */
export type { ArchiveFigureField, JoinInput, JoinReport, JoinResult, JoinSummary } from './joinCustomers';
export { ARCHIVE_FIGURE_FIELDS, JOIN_LISTED_IDS, joinCustomers, normalizeCustomerId, normalizeLineIds } from './joinCustomers';
