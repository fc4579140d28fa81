import { expect, it } from 'vitest';
import { encodeUserHeader, filenameFromDisposition } from './client.js';

it('encodes a user name into a header-safe value that decodeURIComponent restores', () => {
  expect(encodeUserHeader('officer.ia-o')).toBe('officer.ia-o');
  expect(encodeUserHeader('  Nguyen Van An ')).toBe('Nguyen Van An');
  const vietnamese = 'Nguyễn Văn Ánh';
  const encoded = encodeUserHeader(vietnamese);
  expect(encoded).toBe('Nguy%E1%BB%85n V%C4%83n %C3%81nh');
  expect(/^[\x20-\x7e]*$/.test(encoded)).toBe(true);
  expect(decodeURIComponent(encoded)).toBe(vietnamese);
  expect(decodeURIComponent(encodeUserHeader('100% An'))).toBe('100% An');
  expect(encodeUserHeader('a\nb')).toBe('a%0Ab');
  expect(Array.from(decodeURIComponent(encodeUserHeader('ễ'.repeat(300))))).toHaveLength(200);
});

it('reads the file name of a Content-Disposition header', () => {
  expect(filenameFromDisposition('attachment; filename="dx-compact-24-2025-12.xlsx"')).toBe(
    'dx-compact-24-2025-12.xlsx',
  );
  expect(filenameFromDisposition('attachment; filename=a.csv')).toBe('a.csv');
  expect(filenameFromDisposition('attachment; filename="x.csv"; filename*=UTF-8\'\'m%E1%BA%ABu.csv')).toBe('mẫu.csv');
  expect(filenameFromDisposition('attachment')).toBeNull();
  expect(filenameFromDisposition(null)).toBeNull();
});
