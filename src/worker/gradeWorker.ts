/**
 * The grading Web Worker: parsing, analysis, grading and the workbook plan
 * run here, off the pane's UI thread. The pane creates it with
 * `new Worker(new URL('../worker/gradeWorker.ts', import.meta.url))`.
 */
import { createGradeEngine } from './engine';
import type { WorkerRequest, WorkerResponse } from './protocol';

// The worker global; typed narrowly so this file needs no WebWorker lib.
const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

const engine = createGradeEngine((response) => scope.postMessage(response));

scope.onmessage = (event) => {
  // handle() never rejects: every failure is posted back as an `error` response.
  void engine.handle(event.data);
};
