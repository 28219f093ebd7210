/**
 * formatNumber writes numbers by hand (creating an Intl.NumberFormat loads ICU's locale data, which costs more
 * than the rest of `balance evaluate` on a county). What it prints must stay what Intl.NumberFormat prints in
 * zh-CN and en-US: that is the oracle here.
 */
import fc from "fast-check";
import { RELATIVE_TOLERANCE } from "../../src/standard/comparison";
import {
  decimalsBeside,
  exactPlaces,
  formatNumber,
  formatPercent,
  formatYuan,
  type Lang,
} from "../../src/i18n/format";

function intl(value: number, decimals: number, lang: Lang): string {
  const text = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
  // a negative figure that rounds to zero is written without its sign
  return text === "-0" || /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

describe("formatNumber", () => {
  it("rounds the shortest decimal of a double half away from zero, as Intl.NumberFormat does", () => {
    // 1.005 is stored as 1.00499999999999989…: toFixed says 1.00, a person (and Intl) 1.01
    expect(formatNumber(1.005, 2)).toBe("1.01");
    expect(formatNumber(2.5, 0)).toBe("3");
    expect(formatNumber(-2.5, 0)).toBe("-3");
    expect(formatNumber(999.995, 2)).toBe("1,000.00");
    expect(formatNumber(0.004, 2)).toBe("0.00");
    expect(formatNumber(-0.004, 2)).toBe("0.00");
    expect(formatNumber(-0, 0)).toBe("0");
    expect(formatNumber(0.005, 2)).toBe("0.01");
    expect(formatNumber(1234567.891, 1)).toBe("1,234,567.9");
    expect(formatNumber(1e21, 0)).toBe("1,000,000,000,000,000,000,000");
    expect(formatNumber(null)).toBe("—");
    expect(formatNumber(Number.NaN)).toBe("—");
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("—");
  });

  it("prints what Intl.NumberFormat prints, for any finite double, 0 to 4 decimals, in both languages", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<Lang>("zh", "en"),
        (value, decimals, lang) => formatNumber(value, decimals, lang) === intl(value, decimals, lang),
      ),
      { numRuns: 5000 },
    );
  });

  it("agrees with Intl.NumberFormat on ties and near-ties at every scale a table holds", () => {
    // figures as typed (a few decimals), halves, and values a hair off a half
    const scaled = fc
      .tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([n, places]) => n / 10 ** places);
    fc.assert(
      fc.property(scaled, fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        const half = value + 5 / 10 ** (decimals + 1);
        return [value, half, -half].every((v) => formatNumber(v, decimals, "zh") === intl(v, decimals, "zh"));
      }),
      { numRuns: 5000 },
    );
  });

  it("serves percentages and 元 amounts", () => {
    expect(formatPercent(0.853)).toBe("85.3%");
    expect(formatYuan(12345.678)).toBe("1.23 万元");
    expect(formatYuan(12345.678, "en")).toBe("12,346 yuan");
    expect(formatYuan(999.5)).toBe("1,000 元");
  });
});

describe("decimalsBeside: a figure shown beside its threshold stands on its side of it", () => {
  const shownSide = (value: number, threshold: number, decimals: number) => {
    const places = decimalsBeside(value, threshold, decimals, RELATIVE_TOLERANCE);
    return Math.sign(Number(formatNumber(value, places).replace(/,/g, "")) - threshold);
  };

  it("adds the places a value a hair off its threshold needs, and no more", () => {
    // 84.99 % beside 85 %, a coefficient of 0.50000002 over 0.50, 4.49999 m² under 4.50
    expect(decimalsBeside(84.99, 85, 1, RELATIVE_TOLERANCE)).toBe(2);
    expect(decimalsBeside(0.5000000166666662, 0.5, 4, RELATIVE_TOLERANCE)).toBe(8);
    expect(decimalsBeside(4.49999, 4.5, 2, RELATIVE_TOLERANCE)).toBe(5);
    expect(decimalsBeside(5999.99, 6000, 0, RELATIVE_TOLERANCE)).toBe(2);
    // a passing coefficient just under its limit is shown under it, not at it
    expect(decimalsBeside(0.49999, 0.5, 4, RELATIVE_TOLERANCE)).toBe(5);
  });

  it("keeps the usual places for a value clear of its threshold, at it, or within the tolerance of it", () => {
    expect(decimalsBeside(0.52, 0.5, 4, RELATIVE_TOLERANCE)).toBe(4);
    expect(decimalsBeside(85, 85, 1, RELATIVE_TOLERANCE)).toBe(1);
    expect(decimalsBeside(3.57 * (1 + 1e-15), 0.85 * 4.2, 2, RELATIVE_TOLERANCE)).toBe(2);
    expect(decimalsBeside(0.5 * (1 + 1e-12), 0.5, 4, RELATIVE_TOLERANCE)).toBe(4);
    expect(decimalsBeside(null, 0.5, 4, RELATIVE_TOLERANCE)).toBe(4);
    // at a threshold of more places than the usual: written as the threshold is, 3.825 not 3.83
    expect(decimalsBeside(3.825, 0.85 * 4.5, 2, RELATIVE_TOLERANCE)).toBe(3);
  });

  it("for any value and threshold a tolerance apart, the figure shown is on the value's side", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 1000),
        fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (threshold, offset, decimals) => {
          const value = threshold * (1 + offset);
          if (Math.abs(value - threshold) <= threshold * RELATIVE_TOLERANCE) return true;
          return shownSide(value, threshold, decimals) === Math.sign(value - threshold);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("exactPlaces: a threshold written as it is", () => {
  it("takes the places 85 % of a standard needs, through binary noise, and no more", () => {
    // 85 % of 4.5 is 3.825 (3.8249999999999997 in binary); of 0.9 it is 0.765 (0.7650000000000001)
    expect(exactPlaces(0.85 * 4.5, 2, RELATIVE_TOLERANCE)).toBe(3);
    expect(exactPlaces(0.85 * 0.9, 2, RELATIVE_TOLERANCE)).toBe(3);
    expect(exactPlaces(0.85 * 5.3, 2, RELATIVE_TOLERANCE)).toBe(3);
    expect(exactPlaces(0.85 * 4.2, 2, RELATIVE_TOLERANCE)).toBe(2);
    expect(exactPlaces(4.5, 2, RELATIVE_TOLERANCE)).toBe(2);
    expect(exactPlaces(0.85 * 2000, 0, RELATIVE_TOLERANCE)).toBe(0);
  });
});
