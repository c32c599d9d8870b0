/**
 * The per-rep copies in the grading worker (issue 7 §3): made from the last
 * build's plan input, which only the worker holds, so no other owner's rows
 * travel to the pane; the pane gets the owners' names and counts (for its
 * dropdown) and, at the end, the finished file's bytes.
 *
 * The password arrives in the request, is turned into the ECMA-376
 * verifier (WebCrypto, protectionHashWeb.ts) once for the batch, and is
 * referenced nowhere after: not kept in the engine, not in any response,
 * not in an error message.
 */
import type { PlanInput } from '../plan/buildPlan';
import { HashStopped, protectionVerifierWeb, type Sha512 } from '../renderers/xlsx/protectionHashWeb';
import { RepCopiesStopped, repCopyEntries, writeRepCopiesWeb, type RepCopyEntry } from '../renderers/xlsx/repCopiesWeb';
import type { ProtectionVerifier } from '../renderers/xlsx/protectionHash';
import type { WorkerRequest, WorkerResponse } from './protocol';

type Post = (response: WorkerResponse) => void;

/** The copies the last build gives: owners, file names, customer counts (no customer data). */
export function repCopyOwners(master: PlanInput): RepCopyEntry[] {
  return repCopyEntries(master).map((x) => x.entry);
}

export class NoBuildForCopies extends Error {
  readonly userMessage = {
    en: 'There is no graded data to copy yet: build the grading table first, then make the copies.',
    zh: '还没有可分发的分级数据：请先生成客户分级表，再制作副本。',
  };
  constructor() {
    super('copies requested before a build finished in this worker');
    this.name = 'NoBuildForCopies';
  }
}

/**
 * Writes the copies and posts their progress and the result (`copies-done`),
 * or `cancelled` when `isCancelled` turns true on the way. Other failures
 * are thrown for the engine to post as `error`.
 */
export async function makeRepCopies(
  master: PlanInput | null,
  request: Extract<WorkerRequest, { type: 'copies' }>,
  post: Post,
  isCancelled: () => boolean,
  digest?: Sha512,
): Promise<void> {
  const { requestId } = request;
  if (master === null) throw new NoBuildForCopies();
  try {
    let verifier: ProtectionVerifier | undefined;
    if (request.password !== undefined && request.password !== '') {
      post({ type: 'copy-progress', requestId, step: { phase: 'password' } });
      verifier = await protectionVerifierWeb(request.password, { shouldStop: isCancelled, ...(digest !== undefined ? { digest } : {}) });
    }
    const output = await writeRepCopiesWeb(
      { master, profile: request.profile },
      {
        ...(verifier !== undefined ? { verifier } : {}),
        ...(request.only !== undefined ? { only: request.only } : {}),
        onCopy: (index, total, entry) => post({ type: 'copy-progress', requestId, step: { phase: 'copy', index, total, owner: entry.owner } }),
        shouldStop: isCancelled,
      },
    );
    post({ type: 'copies-done', requestId, fileName: output.fileName, kind: output.kind, bytes: output.bytes, copies: output.copies });
  } catch (error) {
    if (error instanceof HashStopped || error instanceof RepCopiesStopped) {
      post({ type: 'cancelled', requestId });
      return;
    }
    throw error;
  }
}
