import { Invalid } from '../../errors.js';

export interface SourcePoint {
  /** "column 7", or "line 2, column 7" when the source spans several lines. Columns count code points from 1. */
  where: string;
  /** The offending line, then a caret under the offset. */
  display: string;
}

export function locate(source: string, offset: number): SourcePoint {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = source.indexOf('\n', offset);
  const line = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  const column = Array.from(source.slice(lineStart, offset)).length + 1;
  const lineNumber = source.slice(0, lineStart).split('\n').length;
  const where = source.includes('\n') ? `line ${lineNumber}, column ${column}` : `column ${column}`;
  // Tabs become single spaces so the caret lines up whatever the reader's tab width.
  return { where, display: `${line.replace(/\t/g, ' ')}\n${' '.repeat(column - 1)}^` };
}

/** `${what} at column N (hint):` then the line and a caret: the shape of every positioned formula message. */
export function describeAt(source: string, offset: number, what: string, hint?: string): string {
  const { where, display } = locate(source, offset);
  return `${what} at ${where}${hint ? ` (${hint})` : ''}:\n${display}`;
}

export function syntaxError(source: string, offset: number, what: string, hint?: string): Invalid {
  const message = describeAt(source, offset, what, hint);
  return new Invalid('formula.syntax', message, [{ path: 'formula', message }]);
}
