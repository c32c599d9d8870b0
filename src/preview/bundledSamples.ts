/** The committed CSV samples, bundled as text, typed into sheets. */
import customerListCsv from './samples/customer-list.csv';
import orderLogCsv from './samples/order-log.csv';
import { SAMPLE_SHEET_NAMES, sheetFromCsv, type SampleSheet } from './sampleData';

export function bundledSampleSheets(): SampleSheet[] {
  return [sheetFromCsv(SAMPLE_SHEET_NAMES.customerList, customerListCsv), sheetFromCsv(SAMPLE_SHEET_NAMES.orderLog, orderLogCsv)];
}
