/**
 * A school's or a county's name as names are matched across tables, years and files: full-width forms read as
 * their half-width ones and spaces left out, so that “青石 县” and “青石县” are one name.
 */
export function nameKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

/**
 * A county's name without the one character at its end that says what it is (市, 旗, 县 or 区), matched as `nameKey`
 * matches names: a clerk may write “阿尔山” for 阿尔山市, or “科右前” for 科右前旗.
 */
export function countyStem(name: string): string {
  return nameKey(name).replace(/(市|旗|县|区)$/, "");
}
