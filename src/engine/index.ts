export * from "./coefficient";
export * from "./compare";
export * from "./records";
export * from "./sections";
export * from "./evaluate";
export * from "./scenario";
export * from "./county";
export * from "./years";
