import { equipmentUnitDoubt } from "../../src/engine/equipmentUnit";

// docs/standard.md#equipment-unit: below 50 元 per pupil (the national profile's equipmentImplausibleBelow) a figure
// was almost always 万元 read as 元; above 1,000,000 元 per pupil, 元 read as 万元. The figures here are the page's.
describe("equipmentUnitDoubt — docs/standard.md#equipment-unit", () => {
  test("below 50 元 per pupil doubts 万元 read as 元; 50 元 itself raises no doubt", () => {
    expect(equipmentUnitDoubt(49 * 200, 200, 50)).toBe("low");
    expect(equipmentUnitDoubt(50 * 200, 200, 50)).toBeNull();
    // 120 万元 read as 120 元 for 300 pupils: 0.4 元 each
    expect(equipmentUnitDoubt(120, 300, 50)).toBe("low");
  });

  test("above 1,000,000 元 per pupil doubts 元 read as 万元; 1,000,000 元 itself raises no doubt", () => {
    expect(equipmentUnitDoubt(1_000_000 * 10, 10, 50)).toBeNull();
    expect(equipmentUnitDoubt(1_000_001 * 10, 10, 50)).toBe("high");
    // 600,000 元 read as 600,000 万元 for 300 pupils: 20,000,000 元 each
    expect(equipmentUnitDoubt(600_000 * 10_000, 300, 50)).toBe("high");
  });

  test("a school without pupils, or without equipment, raises no doubt", () => {
    expect(equipmentUnitDoubt(5000, 0, 50)).toBeNull();
    expect(equipmentUnitDoubt(0, 300, 50)).toBeNull();
  });

  test("the floor is the profile's: a province's higher floor doubts what the national one passes", () => {
    expect(equipmentUnitDoubt(80 * 100, 100, 50)).toBeNull();
    expect(equipmentUnitDoubt(80 * 100, 100, 100)).toBe("low");
  });
});
