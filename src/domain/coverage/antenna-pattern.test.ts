import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  antennaAttenuationDb,
  antennaGainDb,
  compiledAttenuationDb,
  compilePattern,
  horizontalAttenuationDb,
  verticalAttenuationDb,
  wrapAngleDeg,
  type SectorAntenna,
} from './antenna-pattern.js';

describe('TR 38.901 Table 7.3-1 pattern', () => {
  it('is 0 dB on boresight, −3 dB at half the beamwidth and −Am behind', () => {
    expect(horizontalAttenuationDb(0)).toBe(0);
    expect(horizontalAttenuationDb(65 / 2)).toBeCloseTo(-3, 12);
    expect(horizontalAttenuationDb(-65 / 2)).toBeCloseTo(-3, 12);
    expect(horizontalAttenuationDb(180)).toBe(-30);
    expect(horizontalAttenuationDb(180, 65, 20)).toBe(-20); // TR 36.942's Am
    expect(horizontalAttenuationDb(360 + 65 / 2)).toBeCloseTo(-3, 12); // wrapped
  });

  it('peaks tilt degrees below the horizon', () => {
    expect(verticalAttenuationDb(90)).toBe(0);
    expect(verticalAttenuationDb(90 + 65 / 2)).toBeCloseTo(-3, 12);
    expect(verticalAttenuationDb(96, 6, 10)).toBe(0);
    expect(verticalAttenuationDb(90, 6, 10)).toBeCloseTo(-12 * 0.6 ** 2, 12); // −4.32 dB at the horizon
    expect(verticalAttenuationDb(0, 0, 10)).toBe(-30); // side-lobe floor
  });

  it('wraps angles to (−180°, 180°]', () => {
    expect(wrapAngleDeg(180)).toBe(180);
    expect(wrapAngleDeg(-180)).toBe(180);
    expect(wrapAngleDeg(270)).toBe(-90);
    expect(wrapAngleDeg(-725)).toBe(-5);
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (a) => {
        const w = wrapAngleDeg(a);
        expect(w > -180 && w <= 180).toBe(true);
        expect(Math.cos(((w - a) * Math.PI) / 180)).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe('antennaGainDb', () => {
  const sector: SectorAntenna = {
    azimuthDeg: 120,
    mechanicalTiltDeg: 2,
    electricalTiltDeg: 4,
    hBeamwidthDeg: 65,
    vBeamwidthDeg: 10,
    maxGainDbi: 17,
    frontToBackDb: 25,
  };

  it('gives the maximum gain along the tilted boresight', () => {
    expect(antennaGainDb(sector, 120, -6)).toBe(17);
    const moreTilt = { ...sector, electricalTiltDeg: 8 };
    expect(antennaGainDb(moreTilt, 120, -10)).toBe(17); // the peak follows the tilt
    expect(antennaGainDb(moreTilt, 120, -6)).toBeCloseTo(17 - 12 * 0.4 ** 2, 12);
  });

  it('combines the cuts and floors them at the front-to-back ratio', () => {
    // Half beamwidth off in azimuth (−3 dB); the mechanical 2° fades to 2·cos 32.5° there.
    const tiltThere = 4 + 2 * Math.cos((32.5 * Math.PI) / 180);
    expect(antennaAttenuationDb(sector, 152.5, -tiltThere)).toBeCloseTo(-3, 9);
    expect(antennaAttenuationDb(sector, 300, -6)).toBe(-25);
    expect(antennaAttenuationDb(sector, 120, 60)).toBe(-25);
  });

  it('has no azimuth dependence when omnidirectional', () => {
    const omni = { ...sector, hBeamwidthDeg: null };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: -30, max: 10, noNaN: true }),
        (b, e) => {
          expect(antennaGainDb(omni, b, e)).toBe(antennaGainDb(omni, 0, e));
        },
      ),
    );
    expect(antennaGainDb(omni, 45, -6)).toBe(17); // peak at the full 6° tilt all round
  });
});

describe('compiled pattern', () => {
  it('gives what antennaAttenuationDb gives, sectors and omni', () => {
    fc.assert(
      fc.property(
        fc.record({
          azimuthDeg: fc.double({ min: 0, max: 359.99, noNaN: true }),
          mechanicalTiltDeg: fc.double({ min: -5, max: 10, noNaN: true }),
          electricalTiltDeg: fc.double({ min: 0, max: 12, noNaN: true }),
          hBeamwidthDeg: fc.option(fc.double({ min: 20, max: 120, noNaN: true }), { nil: null }),
          vBeamwidthDeg: fc.double({ min: 3, max: 20, noNaN: true }),
          frontToBackDb: fc.double({ min: 15, max: 35, noNaN: true }),
        }),
        fc.double({ min: -179.99, max: 180, noNaN: true }),
        fc.double({ min: -89, max: 89, noNaN: true }),
        (fields, bearingDeg, elevationDeg) => {
          const antenna: SectorAntenna = { ...fields, maxGainDbi: 15 };
          const rad = (bearingDeg * Math.PI) / 180;
          const compiled = compiledAttenuationDb(
            compilePattern(antenna),
            bearingDeg,
            Math.sin(rad),
            Math.cos(rad),
            elevationDeg,
          );
          expect(compiled).toBeCloseTo(antennaAttenuationDb(antenna, bearingDeg, elevationDeg), 9);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
