import { describe, expect, it } from 'vitest';
import { maxOperatorFigure, operatorCodes, operatorOf, sumByOperator } from './operators.js';

describe('operators of a site list', () => {
  it('puts the main operator first, then the others alphabetically', () => {
    const sites = [{ operator: 'vnp' }, {}, { operator: ' MBF ' }, { operator: '' }, { operator: 'VNP' }];
    expect(operatorCodes(sites, 'VTL')).toEqual(['VTL', 'MBF', 'VNP']);
    expect(operatorCodes([{ operator: 'MBF' }], 'VTL')).toEqual(['VTL', 'MBF']);
    expect(operatorOf({}, 'vtl')).toBe('VTL');
  });

  it('refuses more operators than a mask has bits', () => {
    const sites = Array.from({ length: 8 }, (_, i) => ({ operator: `OP${i}` }));
    expect(() => operatorCodes(sites, 'OP0')).not.toThrow();
    expect(() => operatorCodes(sites, 'VTL')).toThrow(/at most 8/);
  });
});

describe('covered people per operator, their maximum and union', () => {
  // Bits: 1 = VTL, 2 = MBF, 4 = VNP.
  const people = [100, 50, 30, 20, 0, 7];
  const masks = [0b001, 0b011, 0b110, 0b000, 0b111, 0b100];

  it('sums each operator and the union, counting shared cells once in the union', () => {
    expect(sumByOperator(people, masks, 3)).toEqual([150, 80, 37, 187]);
  });

  it('reports the largest operator, not the union', () => {
    expect(maxOperatorFigure({ VTL: 150, MBF: 80, VNP: 37 }, ['VTL', 'MBF', 'VNP'])).toEqual({
      operator: 'VTL',
      covered: 150,
    });
    expect(maxOperatorFigure({ VTL: 10, MBF: 80, VNP: 80 }, ['VTL', 'MBF', 'VNP'])).toEqual({
      operator: 'MBF',
      covered: 80,
    });
    expect(maxOperatorFigure({ VTL: 5, MBF: 5 }, ['VTL', 'MBF'])).toEqual({ operator: 'VTL', covered: 5 });
    expect(maxOperatorFigure({}, ['VTL'])).toBeNull();
  });
});
