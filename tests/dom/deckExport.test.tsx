/**
 * Export slide deck in the pane: the real renderer makes the .pptx in the
 * pane, and the file goes to the route the host allows (a download link, the
 * legacy save dialog) or, where none exists (Excel on Mac), the pane says so
 * with the command line, in English and Chinese.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import JSZip from 'jszip';
import { dayFromYmd } from '../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Locale } from '../../src/i18n/locale';
import { DeckExport, type DeckWriter } from '../../src/taskpane/components/DeckExport';
import { deliveryRoute, platformFromOffice, type HostPlatform, type SaveEnvironment } from '../../src/taskpane/deckDelivery';
import { TextProvider } from '../../src/taskpane/i18n';
import { TYPICAL_SUMMARY } from '../support/summaryFixtures';

const SOURCE = { summary: TYPICAL_SUMMARY, settings: DEFAULT_SETTINGS, asOf: dayFromYmd(2025, 7, 1), breakpoints: null, sourceName: 'Sheet1' };

interface Recorder {
  readonly env: SaveEnvironment;
  readonly blobs: Blob[];
  readonly downloads: string[];
  readonly legacySaves: string[];
}

/** A browser environment that records what would have been downloaded instead of navigating jsdom. */
function recorder(options: { legacy?: boolean; noDownloadAttribute?: boolean } = {}): Recorder {
  const blobs: Blob[] = [];
  const downloads: string[] = [];
  const legacySaves: string[] = [];
  const env: SaveEnvironment = {
    document: {
      body: document.body,
      createElement: ((tag: string) => {
        const element = document.createElement(tag);
        if (element instanceof HTMLAnchorElement) {
          if (options.noDownloadAttribute) return Object.assign(document.createElement('span'), { click: () => undefined });
          element.click = () => downloads.push(element.download);
        }
        return element;
      }) as Document['createElement'],
    },
    createObjectURL: (blob) => {
      blobs.push(blob);
      return `blob:test/${blobs.length}`;
    },
    revokeObjectURL: () => undefined,
    msSaveOrOpenBlob: options.legacy
      ? (blob, name) => {
          blobs.push(blob);
          legacySaves.push(name);
          return true;
        }
      : null,
    setTimeout: () => undefined,
  };
  return { env, blobs, downloads, legacySaves };
}

function renderExport(locale: Locale, platform: HostPlatform, env: SaveEnvironment, writeDeck?: DeckWriter): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <TextProvider locale={locale}>
        <DeckExport source={SOURCE} platform={platform} environment={env} {...(writeDeck ? { writeDeck } : {})} />
      </TextProvider>
    </FluentProvider>,
  );
}

async function slideTitles(blob: Blob): Promise<string> {
  // jsdom's Blob has no arrayBuffer(); FileReader reads it.
  const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
  const zip = await JSZip.loadAsync(new Uint8Array(bytes));
  const xml = await zip.file('ppt/slides/slide3.xml')?.async('string');
  return xml ?? '';
}

describe('Export slide deck', () => {
  it('makes the deck in the pane in the chosen language and downloads it (Excel on the web)', async () => {
    const rec = recorder();
    renderExport('en', 'web', rec.env);
    fireEvent.click(screen.getByRole('radio', { name: 'Chinese (Simplified)' }));
    fireEvent.click(screen.getByTestId('deck-export-button'));
    await waitFor(() => expect(screen.getByTestId('deck-saved')).toBeTruthy(), { timeout: 20_000 });
    expect(rec.downloads).toEqual(['tierwise-deck-2025-07-01-zh-CN.pptx']);
    expect(rec.blobs[0]?.type).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    // The Chinese deck: the Pareto slide's title and takeaway.
    const slide = await slideTitles(rec.blobs[0] as Blob);
    expect(slide).toContain('各等级收入');
    expect(slide).toContain('金卡客户占 9% 的客户，贡献 41% 的收入。');
    expect(screen.getByTestId('deck-saved').textContent).toContain('If no file appears');
    expect(screen.getByTestId('deck-saved').textContent).toContain('tierwise grade <your data file.xlsx> --deck tierwise-deck-2025-07-01-zh-CN.pptx --lang zh-CN');
  }, 30_000);

  it('uses the legacy save dialog where the web view has one (EdgeHTML / IE)', async () => {
    const rec = recorder({ legacy: true });
    const writeDeck = jest.fn<DeckWriter>(async () => new Uint8Array([80, 75, 3, 4]));
    renderExport('zh-CN', 'windows', rec.env, writeDeck);
    fireEvent.click(screen.getByTestId('deck-export-button'));
    await waitFor(() => expect(screen.getByTestId('deck-saved')).toBeTruthy());
    expect(writeDeck).toHaveBeenCalledWith({ ...SOURCE, locale: 'zh-CN' });
    expect(rec.legacySaves).toEqual(['tierwise-deck-2025-07-01-zh-CN.pptx']);
    expect(rec.downloads).toEqual([]);
    expect(screen.getByTestId('deck-saved').textContent).toContain('已交给下载');
  });

  it.each<[Locale, string]>([
    ['en', 'Excel on Mac and on iPad does not let add-ins save files'],
    ['zh-CN', 'Mac 版和 iPad 版 Excel 不允许加载项保存文件'],
  ])('says on Mac, before any click, that the deck cannot be downloaded, and gives the command line (%s)', (locale, expected) => {
    const rec = recorder();
    renderExport(locale, 'mac', rec.env);
    const blocked = screen.getByTestId('deck-blocked').textContent ?? '';
    expect(blocked).toContain(expected);
    expect(blocked).toContain(`--deck tierwise-deck-2025-07-01-${locale}.pptx --lang ${locale}`);
    expect(screen.queryByTestId('deck-export-button')).toBeNull();
  });

  it('reports a renderer failure with its detail', async () => {
    const rec = recorder();
    renderExport('en', 'web', rec.env, async () => {
      throw new Error('chart data missing');
    });
    fireEvent.click(screen.getByTestId('deck-export-button'));
    await waitFor(() => expect(screen.getByTestId('deck-failed').textContent).toContain('The deck could not be made. Details: chart data missing'));
    expect(rec.downloads).toEqual([]);
  });

  it('says in the preview what Excel does differently', () => {
    renderExport('en', 'preview', recorder().env);
    expect(screen.getByTestId('deck-preview-note').textContent).toContain('Excel on Mac cannot save files from an add-in');
  });
});

describe('delivery route', () => {
  it.each<[string | undefined, HostPlatform]>([
    ['OfficeOnline', 'web'],
    ['PC', 'windows'],
    ['Universal', 'windows'],
    ['Mac', 'mac'],
    ['iOS', 'ios'],
    ['Android', 'android'],
    [undefined, 'unknown'],
  ])('Office platform %p is %p', (office, ours) => {
    expect(platformFromOffice(office)).toBe(ours);
  });
  it.each<[HostPlatform, { legacy?: boolean; noDownloadAttribute?: boolean }, string]>([
    ['web', {}, 'anchor'],
    ['windows', {}, 'anchor'],
    ['windows', { legacy: true }, 'msSaveBlob'],
    ['preview', {}, 'anchor'],
    ['unknown', { noDownloadAttribute: true }, 'none'],
    ['mac', {}, 'none'],
    ['ios', {}, 'none'],
  ])('%s with %p goes by %s', (platform, options, route) => {
    expect(deliveryRoute(platform, recorder(options).env)).toBe(route);
  });
});
