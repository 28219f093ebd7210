/** The double's charts of a worksheet: title, axes' titles, series and the collection. */
import { OfficeError, type ProxyContext } from "./context";
import { rectAddress, type ChartModel, type SheetModel } from "./model";
import type { TargetedRange } from "./target";

class ChartTitle {
  constructor(private readonly chart: Chart) {}
  set text(v: string) {
    this.chart.update("chart.title", (m) => (m.title = v));
  }
}

/** An axis of a chart (Office.js ChartAxis): its title. */
class ChartAxisTitle {
  constructor(
    private readonly chart: Chart,
    private readonly axis: "category" | "value",
  ) {}
  set text(v: string) {
    this.chart.update("axis.title", (m) => (m.axisTitles = { ...m.axisTitles, [this.axis]: v }));
  }
}

class ChartSeries {
  constructor(
    private readonly chart: Chart,
    private readonly index: () => number,
  ) {}
  set name(v: string) {
    this.chart.update("series.name", (m) => (m.series[this.index()].name = v));
  }
  setValues(range: TargetedRange): void {
    this.chart.update(
      "series.setValues",
      (m) => (m.series[this.index()].values = rectAddress(range.target().rect)),
    );
  }
  setXAxisValues(range: TargetedRange): void {
    this.chart.update("series.setXAxisValues", (m) => {
      m.series[this.index()].categories = rectAddress(range.target().rect);
    });
  }
}

class ChartSeriesCollection {
  constructor(private readonly chart: Chart) {}
  add(name?: string): ChartSeries {
    let index = -1;
    this.chart.update("series.add", (m) => {
      m.series.push({ name: name ?? `Series${m.series.length + 1}`, values: "" });
      index = m.series.length - 1;
    });
    return new ChartSeries(this.chart, () => index);
  }
  getItemAt(i: number): ChartSeries {
    return new ChartSeries(this.chart, () => i);
  }
}

export class Chart {
  readonly title: ChartTitle;
  readonly series: ChartSeriesCollection;
  readonly axes: { categoryAxis: { title: ChartAxisTitle }; valueAxis: { title: ChartAxisTitle } };
  constructor(
    private readonly ctx: ProxyContext,
    readonly model: () => import("./model").ChartModel,
  ) {
    this.title = new ChartTitle(this);
    this.series = new ChartSeriesCollection(this);
    this.axes = {
      categoryAxis: { title: new ChartAxisTitle(this, "category") },
      valueAxis: { title: new ChartAxisTitle(this, "value") },
    };
  }
  update(name: string, f: (m: import("./model").ChartModel) => void): void {
    this.ctx.queue(name, 32, () => f(this.model()));
  }
  setPosition(from: TargetedRange | string, to?: TargetedRange | string): void {
    const a = (x: TargetedRange | string) => (typeof x === "string" ? x : rectAddress(x.target().rect));
    this.update(
      "chart.setPosition",
      (m) => (m.position = { from: a(from), to: to === undefined ? a(from) : a(to) }),
    );
  }
}

export class ChartCollection {
  constructor(
    private readonly ctx: ProxyContext,
    private readonly sheet: () => SheetModel,
  ) {}
  add(type: string, sourceData: TargetedRange, seriesBy = "Auto"): Chart {
    let model: import("./model").ChartModel | null = null;
    this.ctx.queue("charts.add", 32, () => {
      const { rect } = sourceData.target();
      const byRows = seriesBy === "Rows";
      const count = byRows ? rect.r1 - rect.r0 + 1 : rect.c1 - rect.c0 + 1;
      const series = [];
      for (let i = 0; i < count; i++) {
        const part = byRows
          ? { ...rect, r0: rect.r0 + i, r1: rect.r0 + i }
          : { ...rect, c0: rect.c0 + i, c1: rect.c0 + i };
        series.push({ name: `Series${i + 1}`, values: rectAddress(part) });
      }
      model = { type, title: "", series };
      this.sheet().charts.push(model);
    });
    return new Chart(this.ctx, () => {
      if (!model) throw new OfficeError("InvalidObjectPath", "the chart was not created");
      return model;
    });
  }
}
