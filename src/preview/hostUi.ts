/**
 * The preview's `ExcelRun` over the typed fake Excel. The fake implements
 * every member the pane calls — the workbook window included (active sheet,
 * selection, used range) — so the preview runs the same code path as Excel.
 * What this layer adds is the rhythm of a real host: in Excel, `sync()` is a
 * round trip during which the page paints and handles clicks (Cancel); the
 * fake answers at once, in microtasks, so each sync first yields a task here
 * (plus an optional latency). Preview only: in Office, Excel.run is used.
 */
import type { FakeExcel } from '../fake-excel';
import type { ExcelRun } from '../taskpane/workbookGateway';

export interface HostUiOptions {
  /** Extra wait per sync, in milliseconds: a real round trip's latency, so a test can press Cancel midway. */
  readonly syncDelayMs?: number;
}

export function withHostUi(fake: FakeExcel, options: HostUiOptions = {}): ExcelRun {
  const delay = Math.max(0, options.syncDelayMs ?? 0);
  const withRoundTrips = (context: Excel.RequestContext): Excel.RequestContext => {
    const sync = async <T>(passThroughValue?: T): Promise<T> => {
      await new Promise<void>((resolve) => setTimeout(resolve, delay));
      return context.sync(passThroughValue);
    };
    return new Proxy(context, {
      get(object, property, receiver) {
        if (property === 'sync') return sync;
        return Reflect.get(object, property, receiver) as unknown;
      },
    });
  };
  return (batch) => fake.run((context) => batch(withRoundTrips(context)));
}
