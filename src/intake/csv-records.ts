/**
 * The records of CSV text as Excel reads them: fields split by one delimiter, quoted fields may hold
 * delimiters, line breaks and doubled quotes; a quote inside an unquoted field is a character like any other.
 * Linear in the text, whatever the records' lengths (csv-parse builds an error object, stack and all, for
 * every record whose length differs from the first, which made ragged or empty lines cost 25 µs each).
 */
export class CsvSyntaxError extends Error {}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export function* csvRecords(text: string, delimiter: string): Generator<string[]> {
  const separator = delimiter.charCodeAt(0);
  const n = text.length;
  /** Where the unquoted run from `from` stops: at the delimiter, a line break, or the end. */
  const stop = (from: number) => {
    let i = from;
    for (; i < n; i += 1) {
      const c = text.charCodeAt(i);
      if (c === separator || c === LF || c === CR) break;
    }
    return i;
  };
  let i = 0;
  let record = 1;
  while (i < n) {
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        field = '';
        let from = i + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) throw new CsvSyntaxError(`the quoted field opened in row ${record} is never closed`);
          if (text.charCodeAt(quote + 1) === QUOTE) {
            field += text.slice(from, quote + 1);
            from = quote + 2;
          } else {
            field += text.slice(from, quote);
            i = quote + 1;
            break;
          }
        }
        const end = stop(i); // what follows the closing quote, as Excel keeps it
        field += text.slice(i, end);
        i = end;
      } else {
        const end = stop(i);
        field = text.slice(i, end);
        i = end;
      }
      fields.push(field);
      if (i < n && text.charCodeAt(i) === separator) i += 1;
      else break;
    }
    if (text.charCodeAt(i) === CR) i += 1;
    if (text.charCodeAt(i) === LF) i += 1;
    record += 1;
    yield fields;
  }
}
