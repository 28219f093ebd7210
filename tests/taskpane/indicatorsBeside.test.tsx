/** @jest-environment jsdom */
/**
 * 模拟's table of a school's seven indicators shows a value as the report and the command line do: with the places it
 * takes to stand on its side of the standard and of the 85 % line (7.495 beside 7.50, never "7.50" marked short of
 * a standard of 7.50), and each line as it is (85 % of 4.50 is 3.825).
 */
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { evaluate } from "../../src/engine/evaluate";
import { NATIONAL_2017 } from "../../src/standard/national2017";
import { SchoolIndicators } from "../../src/taskpane/whatif/SchoolIndicators";
import { school } from "../whatif/schools";

describe("模拟: values beside the standard they are judged against", () => {
  // 1,000 pupils and 7,495 ㎡ of sports grounds: 7.495 ㎡ each, short of the primary standard of 7.50
  const record = {
    ...school("城关小学", 1000),
    facilities: { ...school("x", 1000).facilities, sportsArea: 7495 },
  };
  const section = evaluate([record], NATIONAL_2017).sections.find((s) => s.school === "城关小学")!;

  function row(id: string): HTMLElement {
    render(
      <FluentProvider theme={webLightTheme}>
        <SchoolIndicators lang="zh" profile={NATIONAL_2017} before={section} after={section} />
      </FluentProvider>,
    );
    return document.querySelector(`tr[data-indicator="${id}"]`) as HTMLElement;
  }

  it("a value just short of its standard shows the places that say so", () => {
    expect(section.status.sportsArea).toBe("floor");
    const cells = row("sportsArea").querySelectorAll("td");
    expect(cells[0].textContent).toContain("7.50");
    expect(cells[1].textContent).toBe("7.49585%以上");
    expect(cells[2].textContent).toBe("7.49585%以上");
  });

  it("the 85 % line as it is", () => {
    expect(row("teachingArea").querySelectorAll("td")[0].textContent).toBe("4.5085%线 3.825");
  });
});
