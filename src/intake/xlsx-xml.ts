/**
 * The XML parts of a workbook, parsed as they inflate: a handler sees elements (by local name, so `x:row`
 * and `row` are one) and text, and never the whole part. The parser expands no DTD entities.
 */
import { SaxesParser } from 'saxes';
import { Invalid } from '../domain/errors.js';
import { damaged, inflateEntry, type ZipArchive, type ZipEntry } from './zip-archive.js';

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  open(name: string, attributes: Attributes): void;
  close(name: string): void;
  text?(text: string): void;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** An attribute by local name: `r:id` and `id` are one, since the prefix bound to a namespace varies. */
export function attribute(attributes: Attributes, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  for (const key in attributes) if (localName(key) === name) return attributes[key];
  return undefined;
}

/** Streams one part through the handler; a handler's own error (a limit) stops the parse and passes through. */
export async function readXmlEntry(archive: ZipArchive, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => handler.open(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handler.close(localName(tag.name))); // self-closing tags too
  if (handler.text) {
    const text = handler.text.bind(handler);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of inflateEntry(archive, entry)) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode()).close();
  } catch (error) {
    if (error instanceof Invalid) throw error;
    throw damaged(archive.file, `${entry.name} is not well-formed XML: ${(error as Error).message}`);
  }
}
