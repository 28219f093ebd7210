export * from "./coefficient";
export * from "./compare";
export * from "./records";
export * from "./sections";
export type { CountySections, SectionColumns } from "./columns";
export * from "./sectionResult";
export * from "./evaluate";
export * from "./scenario";
export * from "./county";
