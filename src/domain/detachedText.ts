/**
 * A copy of `text` that holds no reference to the string it was cut from or
 * built of: for 13 characters or more, a view of a flat copy of its own (one
 * character longer), never of the parser's chunk or of template pieces.
 *
 * Why (V8, the engine of Node, Chrome and Edge):
 * - Parsers cut cells out of large chunks of text, and V8 keeps a cut of 13
 *   or more characters as a view of its chunk. A value kept per customer or
 *   per issue would then keep every chunk of a streamed file alive (issue 10:
 *   2M lines held 300 MB; a 1M-line log with 360k ambiguous dates kept its
 *   whole 72 MB of text through the issues' values).
 * - A message built from template pieces is a tree of concatenation nodes
 *   (~14 nodes of 32 bytes for one import issue), larger than its flat text.
 *
 * Concatenating and cutting again makes V8 flatten the text into a new
 * string of its own (the cut is a view of that copy only). Short texts are
 * always copied flat by V8 and are returned as they are.
 */
export function detachedText(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
