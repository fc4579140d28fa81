// @vitest-environment jsdom
import { cleanup, render, renderHook, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import '../i18n.js';
import { MapFailed, useMapLocale } from './MapFallback.js';

afterEach(cleanup);

it('says WebGL is missing for "webgl", and what MapLibre threw otherwise', () => {
  render(<MapFailed reason="webgl" />);
  expect(screen.getByRole('alert').textContent).toMatch(/WebGL/);
  cleanup();
  render(<MapFailed reason="context lost" />);
  expect(screen.getByRole('alert').textContent).toBe('Không hiển thị được bản đồ: context lost');
});

it('gives MapLibre its buttons and gesture hints in the user’s language', () => {
  const { result } = renderHook(() => useMapLocale());
  expect(result.current['NavigationControl.ZoomIn']).toBe('Phóng to');
  expect(result.current['Popup.Close']).toBe('Đóng');
  expect(Object.keys(result.current)).toHaveLength(7);
});
