/**
 * File names of the per-rep copies, safe on Windows, macOS and Linux
 * (issue 7 §3). Pure: the CLI and the pane's zip use the same names.
 *
 * Rules: characters Windows forbids (`< > : " / \ | ? *`, control
 * characters) become `_`; leading spaces and trailing dots and spaces go
 * (Windows drops them silently); device names (CON, PRN, AUX, NUL, COM1-9,
 * LPT1-9, with or without an extension) get a leading `_`; a name is cut to
 * at most {@link MAX_STEM_BYTES} UTF-8 bytes (macOS and Linux allow 255
 * bytes; room is left for a suffix and `.xlsx`); names equal ignoring case
 * (the default on Windows and macOS) get ` (2)`, ` (3)` in the order given.
 */

/** Bytes of a stem before the disambiguating suffix and the extension. */
export const MAX_STEM_BYTES = 120;

// eslint-disable-next-line no-control-regex -- control characters are exactly what Windows forbids in names
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** One name made safe, without the extension; never empty. */
export function safeFileStem(name: string): string {
  let stem = name.normalize('NFC').replace(FORBIDDEN, '_').replace(/^\s+/, '').replace(/[.\s]+$/, '');
  if (utf8Length(stem) > MAX_STEM_BYTES) {
    let cut = '';
    for (const ch of stem) {
      if (utf8Length(cut + ch) > MAX_STEM_BYTES) break;
      cut += ch;
    }
    stem = cut.replace(/[.\s]+$/, '');
  }
  if (stem === '') stem = '_';
  if (DEVICE.test(stem)) stem = `_${stem}`;
  return stem;
}

/**
 * Unique safe file names (with `extension`, e.g. `.xlsx`) for the given
 * names, in order: the first of names that collide after sanitising keeps
 * the plain name, the next get ` (2)`, ` (3)`, skipping any already taken.
 */
export function uniqueFileNames(names: readonly string[], extension: string): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const stem = safeFileStem(name);
    let candidate = `${stem}${extension}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
