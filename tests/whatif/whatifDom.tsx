/** What the What-if view's component tests share: the view rendered on a county, and its fields found by name. */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WhatIfView } from "../../src/taskpane/whatif/WhatIfView";
import type { ViewProps } from "../../src/taskpane/viewProps";
import type { ExcelHost } from "../../src/excel/host";
import type { ReportSheet } from "../../src/report/model";
import type { SchoolRecord } from "../../src/engine/records";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import type { Profile } from "../../src/standard/profile";

/** The view on `records` under `profile`, the sheets it writes collected. */
export function renderWhatIf(
  records: SchoolRecord[],
  lang: "zh" | "en" = "zh",
  profile: Profile = NATIONAL_2017,
) {
  const written: ReportSheet[][] = [];
  const props: ViewProps = {
    records,
    profile,
    lang,
    host: {} as ExcelHost,
    onWriteSheets: async (sheets) => {
      written.push(sheets);
    },
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <WhatIfView {...props} />
    </FluentProvider>,
  );
  return { written, props };
}

export const spin = (name: string) => screen.getByRole("spinbutton", { name }) as HTMLInputElement;
