/**
 * A WorkerPort that runs the grading engine on the calling thread. For tests
 * in jsdom (which has no Web Workers) and for hosts without Worker support:
 * same engine, same protocol, only the thread differs. Messages are
 * delivered asynchronously, as a real worker would.
 */
import { createGradeEngine } from './engine';
import type { WorkerPort, WorkerRequest, WorkerResponse } from './protocol';

export function createInProcessPort(): WorkerPort {
  let terminated = false;
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage(message: WorkerRequest) {
      if (terminated) return;
      setTimeout(() => {
        if (!terminated) void engine.handle(message);
      }, 0);
    },
    terminate() {
      terminated = true;
    },
  };
  const engine = createGradeEngine((response: WorkerResponse) => {
    setTimeout(() => {
      if (!terminated) port.onmessage?.({ data: response });
    }, 0);
  });
  return port;
}
