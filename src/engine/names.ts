/**
 * A school's or a county's name as names are matched across tables, years and files: full-width forms read as
 * their half-width ones and spaces left out, so that “青石 县” and “青石县” are one name.
 */
export function nameKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}
