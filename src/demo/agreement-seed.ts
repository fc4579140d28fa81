import { readDemoDataFile } from './demo-data-file.js';

/** The agreement file as published in the reference data (English wording; see data/README.md). */
export interface AgreementFile {
  source: string;
  parties: { code: string; name_vi: string; name_en: string; role: 'province' | 'partner' }[];
  period: { from: number; to: number };
  signed_on: string;
  areas: { code: string; name_vi: string; name_en: string }[];
  results_2023_2025: { code: string; area: string; value: number | null; unit: string; name_en: string }[];
  asks_2025_2030: { area: string | null; name_en: string }[];
}

export function loadAgreementFile(): AgreementFile {
  return JSON.parse(readDemoDataFile('agreement-gia-lai-2025.json')) as AgreementFile;
}

export interface CommitmentSeed {
  areaCode: string | null;
  ownerParty: string;
  textVi: string;
  textEn: string;
  dueDate: string;
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
}

// Vietnamese wording of the province's asks, in the file's order. Owners, due dates and statuses are
// the demo's assumptions: the report gave none.
const ASK_DETAILS: readonly Omit<CommitmentSeed, 'areaCode' | 'textEn'>[] = [
  {
    ownerParty: 'VTL',
    dueDate: '2030-12-31',
    status: 'in_progress',
    textVi: 'Mở rộng phủ sóng 5G, tập trung vào các khu kinh tế phát triển và khu vực biên giới',
  },
  {
    ownerParty: 'VTL',
    dueDate: '2026-12-31',
    status: 'in_progress',
    textVi: 'Ưu tiên triển khai trước các nền tảng cấp thiết: y tế và giáo dục',
  },
  {
    ownerParty: 'VTL',
    dueDate: '2027-12-31',
    status: 'planned',
    textVi:
      'Chuyển giao các nền tảng mới cho tất cả xã, phường; bảo đảm tương thích với các nền tảng do Trung ương triển khai',
  },
  {
    ownerParty: 'VTL',
    dueDate: '2028-12-31',
    status: 'planned',
    textVi: 'Nghiên cứu các nền tảng mới hỗ trợ phát triển kinh tế và bảo đảm quốc phòng - an ninh',
  },
  {
    ownerParty: 'GL',
    dueDate: '2025-12-31',
    status: 'in_progress',
    textVi: 'Thành lập tổ công tác chung và phối hợp chặt chẽ trong quá trình triển khai',
  },
  {
    ownerParty: 'VTL',
    dueDate: '2030-12-31',
    status: 'in_progress',
    textVi:
      'Hỗ trợ tỉnh thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  },
];

export function commitmentsFrom(file: AgreementFile): CommitmentSeed[] {
  if (file.asks_2025_2030.length !== ASK_DETAILS.length) {
    throw new Error(
      `agreement-gia-lai-2025.json: expected ${ASK_DETAILS.length} asks, found ${file.asks_2025_2030.length}`,
    );
  }
  return file.asks_2025_2030.map((ask, i) => ({ areaCode: ask.area, textEn: ask.name_en, ...ASK_DETAILS[i]! }));
}

/** The reported province figure for each result code (null: reported done without a figure). */
export function reportedFigure(file: AgreementFile, code: string): number | null | undefined {
  return file.results_2023_2025.find((r) => r.code === code)?.value;
}
