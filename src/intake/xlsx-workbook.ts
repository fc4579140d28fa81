/**
 * What a workbook's small parts say about its sheets: their names, order, visibility and parts; the number
 * format of each cell style; the shared strings. Read from the ZIP directory by name, in any order the
 * writer stored them, and streamed like every other part.
 */
import { foldText } from './fold-text.js';
import { attribute, readXmlEntry, type Attributes } from './xlsx-xml.js';
import { damaged, findEntry, type ZipArchive } from './zip-archive.js';

export interface SheetInfo {
  name: string;
  state: string;
  /** The sheet's part in the archive, e.g. `xl/worksheets/sheet2.xml`; null when its relationship is missing. */
  part: string | null;
  /** A worksheet holds cells; a chartsheet or dialog sheet does not. */
  isWorksheet: boolean;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  /** Serial 0 is 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  date1904: boolean;
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

interface Relationship {
  type: string;
  target: string;
}

const DATA_SHEET_NAMES = new Set(['dulieu', 'data']);

/** `xl/` + `worksheets/sheet1.xml`, `/xl/styles.xml`, `../x.xml`: a target as a path in the archive. */
function resolvePart(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

const relsPathOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

async function readRelationships(archive: ZipArchive, part: string): Promise<Map<string, Relationship>> {
  const relationships = new Map<string, Relationship>();
  const entry = findEntry(archive, relsPathOf(part));
  if (!entry) return relationships;
  await readXmlEntry(archive, entry, {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      const id = attributes.Id;
      if (id && attributes.Target)
        relationships.set(id, { type: attributes.Type ?? '', target: resolvePart(part, attributes.Target) });
    },
    close() {},
  });
  return relationships;
}

const ofType = (relationships: Map<string, Relationship>, type: string) =>
  [...relationships.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? null;

export async function readWorkbookInfo(archive: ZipArchive): Promise<WorkbookInfo> {
  const rootRels = await readRelationships(archive, '');
  const workbookPart = ofType(rootRels, 'officeDocument') ?? 'xl/workbook.xml';
  const workbookEntry = findEntry(archive, workbookPart);
  if (!workbookEntry) throw damaged(archive.file, `it has no ${workbookPart}: is it an Excel workbook (.xlsx)?`);
  const relationships = await readRelationships(archive, workbookPart);
  const listed: { name: string; state: string; id: string | undefined }[] = [];
  let date1904 = false;
  await readXmlEntry(archive, workbookEntry, {
    open(name, attributes: Attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
      if (name === 'sheet')
        listed.push({
          name: attributes.name ?? '',
          state: attributes.state ?? 'visible',
          id: attribute(attributes, 'id'),
        });
    },
    close() {},
  });
  const sheets = listed.map(({ name, state, id }) => {
    const relationship = id === undefined ? undefined : relationships.get(id);
    return {
      name,
      state,
      part: relationship?.target ?? null,
      isWorksheet: relationship?.type.endsWith('/worksheet') ?? false,
    };
  });
  return {
    sheets,
    date1904,
    stylesPart: ofType(relationships, 'styles'),
    sharedStringsPart: ofType(relationships, 'sharedStrings'),
  };
}

/** The data sheet: the one named `Dữ liệu`/`Data`, else the first visible worksheet, else the first one. */
export function pickSheet(info: WorkbookInfo): SheetInfo | undefined {
  const sheets = info.sheets.filter((s) => s.isWorksheet && s.part !== null);
  return (
    sheets.find((s) => DATA_SHEET_NAMES.has(foldText(s.name))) ?? sheets.find((s) => s.state === 'visible') ?? sheets[0]
  );
}

/** Excel's built-in number formats that show a date, a time or a percent; the others show a number. */
const BUILT_IN_FORMATS: Record<number, string> = {
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** The number format of each cell style (`s` of a cell), by index; undefined for General. */
export async function readCellFormats(archive: ZipArchive, part: string | null): Promise<(string | undefined)[]> {
  const entry = part === null ? undefined : findEntry(archive, part);
  if (!entry) return [];
  const custom = new Map<number, string>();
  const formats: (string | undefined)[] = [];
  let inCellXfs = false;
  await readXmlEntry(archive, entry, {
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id]);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats;
}

/** The shared strings, rich text flattened to its runs' text; phonetic guides (`rPh`) are not shown, so skipped. */
export async function readSharedStrings(archive: ZipArchive, part: string | null): Promise<string[]> {
  const entry = part === null ? undefined : findEntry(archive, part);
  if (!entry) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let inPhonetic = false;
  await readXmlEntry(archive, entry, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    text(text) {
      if (inText) current?.push(text);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        strings.push(current?.join('') ?? '');
        current = null;
      }
    },
  });
  return strings;
}
