/**
 * OOXML's escape for characters XML 1.0 cannot carry (ECMA-376 Part 1,
 * 22.9.2.19 ST_Xstring): a control character other than TAB, LF and CR is
 * written `_xHHHH_`, and a literal `_xHHHH_` in the text is protected as
 * `_x005F_xHHHH_`, so the cell reads back exactly as the user typed it.
 * (exceljs silently drops such characters; both writers apply this first.)
 */
export function encodeOoxmlText(text: string): string {
  let out = text;
  if (out.includes('_x')) out = out.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot carry
  return out.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** The XML declaration every part starts with, and SpreadsheetML's main namespace. */
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';


/**
 * XML text: `& < >` escaped; characters XML 1.0 forbids (control characters
 * other than TAB, LF, CR) written as OOXML's `_xHHHH_`, and a literal
 * `_xHHHH_` in the text protected as `_x005F_xHHHH_`, so the cell reads
 * back exactly as the user typed it.
 */
export function escapeText(text: string): string {
  return encodeOoxmlText(text).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** XML attribute value (double-quoted); control characters and line breaks as character references. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/["\t\n\r]/g, (c) => (c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`));
}
