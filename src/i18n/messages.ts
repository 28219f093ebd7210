import type { Lang } from "./format";
import { countOf, countShown } from "./count";
import { LEAGUE_VIEWS_EN, LEAGUE_VIEWS_ZH } from "./leagueViews";
import { VIEWS_EN, VIEWS_ZH } from "./views";
import { RECIPE_EN, RECIPE_ZH } from "./recipe";

/**
 * The task pane's words. One key set; Chinese is the reference, English must have every key
 * (the type of `en` enforces it). `{name}` marks a value filled in by `t`.
 */
const paneZh = {
  appTitle: "均衡",
  appSubtitle: "县域义务教育优质均衡发展评估",
  languageSwitch: "English",
  languageSwitchLabel: "界面语言",
  tabsLabel: "视图",
  noticesLabel: "工作簿与提示",
  demoBanner: "演示模式 — 未连接 Excel",
  demoBannerDetail:
    "当前是内存中的示例工作簿（虚构的白狼县数据），不读写任何文件。在 Excel 中打开本加载项即可处理真实数据。",
  loadingOffice: "正在连接 Excel…",
  hostNotExcel: "均衡任务窗格只能在 Excel 中使用（当前是 {host}）。也可在浏览器中使用离线网页版：{webApp}",
  hostLacksApi:
    "此版本 Excel 缺少均衡任务窗格所需的功能（Excel 2016、2019 的批量许可版和未更新的版本都是如此）。" +
    "请把 Excel 更新到 2019 零售版（版本 1903）或更新的版本，或在浏览器中使用离线网页版：{webApp}",

  tabCheck: "检查与报表",
  tabWhatIf: "模拟",
  tabPlan: "规划",
  tabAllItems: "全部指标",
  tabWorkbook: "工作簿",

  stepStart: "1. 选择学校数据表",
  stepColumns: "2. 核对列",
  stepCheck: "3. 数据检查",
  stepReport: "4. 生成报表",
  stepResults: "评估结果",
  printCheckedBy: "核对人（签字）：{blank}",
  printDate: "日期：{blank}",

  insertTemplate: "插入空白模板",
  insertSample: "插入示例县数据",
  templateInserted: "已插入工作表“{sheet}”。填好后点“读取并检查”。",
  sourceLabel: "学校数据表来自",
  sourceActiveSheet: "读取当前工作表的已用区域；要读另一个工作表，先在“工作簿”中选中它。",
  sourceUsedRange: "当前工作表的已用区域",
  sourceSelection: "当前选定区域",
  sourceTable: "当前 Excel 表格",
  readAndCheck: "读取并检查",
  reading: "正在读取…",
  readFrom: "已读取 {sheet}!{range}：{schools} 所学校",
  readFromChoose: "已读取 {sheet}!{range}：表中有 {counties} 个旗县市区，请在第 2 步选择要评估的一个",

  columnsHelp: "左边是评估需要的字段，右边是工作表中与之对应的列标题。如有错配或漏配，请从下拉列表中改正。",
  correctionsKept: "改正会保存在工作簿中，下次无需再选。",
  correctionsSession: "改正只在本次打开期间有效，不会写进下载的工作簿；下次打开时需重新选择。",
  columnsMatched: "已匹配 {n} 列",
  columnsUnmatchedHeaders: "未使用的列：{headers}",
  columnsMissing: "未找到的字段：",
  columnsShowAll: "显示全部字段（{n}）",
  columnsHideOptional: "只显示评估必需的字段",
  columnNone: "（不使用）",
  columnRequired: "必需",
  columnPerSection: "有该学段时必需",
  columnGuarantee: "保障指标用",
  columnSaved: "列对应已保存到工作簿",
  columnReset: "恢复自动匹配",
  noHeaderRow: "前 10 行中没有找到表头（至少需要“学校名称”等列）。请选中学校数据表后再读取。",

  problemsNone: "没有发现问题。",
  problemsErrors: "错误（{n}）",
  problemsWarnings: "提示（{n}）",
  problemsErrorsBlock: "有 {n} 个错误，改正后才能生成报表。",
  problemsClickCell: "点击问题可跳到对应单元格。",
  problemsWarningsOnly: "有 {n} 条提示，不影响评估结果，建议核实。",
  problemsShowMore: "再显示 {n} 条",
  problemNoCell: "（整表）",
  recheck: "重新读取并检查",

  makeReport: "生成报表工作表",
  writing: "正在写入报表…",
  reportBlocked: "请先改正全部错误。",
  reportWritten: "已写入：{sheets}",
  reportCounty: "旗县市",
  reportCountyPlaceholder: "如：阿尔山市",
  reportCountyControls: "名称中{words}",
  reportYear: "年份或学年",
  reportYearPlaceholder: "如：2026 或 2025-2026",
  reportYearWrong: "应为年份或学年，如 2026 或 2025-2026",
  reportTitleHelp: "写入各表标题；留空则标题中留出空白，打印后手填。",
  confirmTitle: "替换已有报表？",
  confirmBody:
    "工作簿中已有本加载项生成的工作表：{sheets}。将用新结果替换它们；学校数据表和其他工作表不会改动。",
  confirmReplace: "替换",
  cancel: "取消",

  verdictPass: "资源配置：达标",
  verdictFail: "资源配置：未达标",
  verdictNote:
    "“校校达标、项项达标”：每所学校 7 项指标至少 6 项达标、其余 1 项不低于标准的 85%，且每项指标的校际差异系数不超过限值。",
  levelLine: "{level}：{passing}/{sections} 个学校（校区）达标 · {cvPassing}/7 项差异系数达标",
  levelNone: "{level}：无参评学校（校区）",
  weakestTitle: "最薄弱的指标",
  weakestCv: "差异系数 {cv}（限值 {limit}）",
  weakestFailing: "{n} 个学校（校区）低于标准",
  failingSectionsTitle: "未达标的学校（校区）",
  failingSectionLine: "{school}（{level}）：{indicators}",
  failingMore: "显示全部 {n} 个学校（校区）",
  checklistMore: "另有 {n} 处",
  failingFewer: "收起",
  openSheet: "打开“{sheet}”",
  sheetsTitle: "报表工作表",

  workbookEmpty: "工作簿中还没有工作表。",
  workbookSheet: "工作表",
  workbookRows: "{rows} 行 × {cols} 列",
  workbookTruncated: "只显示前 {n} 行",
  workbookColumnsTruncated: "只显示前 {n} 列",

  allItemsUnavailable: "全部指标清单需要县级指标数据，暂不可用。",
  countyPass: "全部指标：达标",
  countyFail: "全部指标：尚未全部达标",
  readinessTarget: "目标年份：{county} {year} 年创建达标（{left}）",
  readinessYearsLeft: "还有 {n} 年",
  readinessThisYear: "即为今年",
  readinessYearsPast: "已过 {n} 年",
  readinessPart: "{part}：{status}",
  readinessFailing: "未达标 {n} 项",
  readinessMissing: "缺数据 {n} 项",
  readinessPass: "达标",
  readinessStartingGrades: "起始年级班额（{from}起，一年级 ≤ {primary}、七年级 ≤ {junior}）：{status}",
  readinessNotInForce: "尚未生效",
  readinessFrom: "旗县市取自{source}；不对时请在“检查与报表”第 4 步填写旗县市。",
  readinessFromGiven: "第 4 步填写的旗县市",
  readinessFromTable: "学校表的旗县列",
  readinessFromCountySheet: "县级指标表的标题",
  readinessFromTableTitle: "学校表的标题",
  readinessFromFile: "文件名",
  countySheetRead: "县级指标取自工作表“{sheet}”。",
  countySheetNone: "尚未读取县级指标表（县级指标）：由县级填报的指标显示为“缺数据”。",
  countySheetNoneHow: "打开该工作表后点下面的按钮。",
  countySheetReadButton: "读取当前工作表为县级指标表",
  countySheetInsertButton: "插入县级指标表",
  countySheetInserted:
    "已插入工作表“{sheet}”：请在“填报值”列填写各项（是/否题从下拉列表选择），并附佐证材料，然后点击“读取当前工作表为县级指标表”。",
  countySheetNotCounty: "工作表“{sheet}”不是县级指标表（需要“编号”和“填报值”列）。",
  countyValue: "现值：",
  filterAll: "全部",
  filterFailing: "未达标",
  filterMissing: "缺数据",
  statusPass: "达标",
  statusFail: "未达标",
  statusMissing: "缺数据",
  statusMet: "达标",
  statusFloor: "85%以上",
  statusUnmet: "未达标",

  hostError: "Excel 操作失败：{message}",
  viewUnavailable: "请先在“检查与报表”中读取并检查学校数据表（没有错误）后再使用本页。",
  dismiss: "关闭",
};

const zh = { ...paneZh, ...VIEWS_ZH, ...RECIPE_ZH, ...LEAGUE_VIEWS_ZH };

export type MessageKey = keyof typeof zh;

/**
 * The words for an indicator's status against its standard (the engine's IndicatorStatus: met, the 85 % band,
 * unmet), wherever one is shown.
 */
export const INDICATOR_STATUS_KEY: Record<"met" | "floor" | "unmet", MessageKey> = {
  met: "statusMet",
  floor: "statusFloor",
  unmet: "statusUnmet",
};

const paneEn: Record<keyof typeof paneZh, string> = {
  appTitle: "Balance",
  appSubtitle: "High-quality balanced compulsory education",
  languageSwitch: "中文",
  languageSwitchLabel: "Language",
  tabsLabel: "Views",
  noticesLabel: "Workbook and notices",
  demoBanner: "Demo mode — not connected to Excel",
  demoBannerDetail:
    "This is an in-memory sample workbook (the fictional 白狼县 county); no file is changed. Open the add-in in Excel to work on real data.",
  loadingOffice: "Connecting to Excel…",
  hostNotExcel:
    "The Balance pane runs in Excel only (this is {host}). The offline web app runs in any browser: {webApp}",
  hostLacksApi:
    "This Excel lacks what the Balance pane needs (ExcelApi {api}, missing from volume-licensed and un-updated " +
    "Excel 2016 and 2019). Update Excel to 2019 retail Version 1903 or later, or Microsoft 365, or use the " +
    "offline web app in a browser: {webApp}",

  tabCheck: "Check",
  tabWhatIf: "What-if",
  tabPlan: "Plan",
  tabAllItems: "All items",
  tabWorkbook: "Workbook",

  stepStart: "1. Choose the school table",
  stepColumns: "2. Columns",
  stepCheck: "3. Check",
  stepReport: "4. Report",
  stepResults: "Results",
  printCheckedBy: "Checked by (signature): {blank}",
  printDate: "Date: {blank}",

  insertTemplate: "Insert blank template",
  insertSample: "Insert sample county",
  templateInserted: "Sheet “{sheet}” inserted. Fill it in, then press “Read and check”.",
  sourceLabel: "Take the school table from",
  sourceActiveSheet:
    "The used range of the active sheet is read; to read another sheet, choose it under “Workbook” first.",
  sourceUsedRange: "Used range of the active sheet",
  sourceSelection: "Current selection",
  sourceTable: "Current Excel table",
  readAndCheck: "Read and check",
  reading: "Reading…",
  readFrom: "Read {sheet}!{range}: {schools|school|schools}",
  readFromChoose:
    "Read {sheet}!{range}: the table holds {counties} counties; choose the one to evaluate in step 2",

  columnsHelp:
    "Each field the evaluation needs, and the header of the sheet that supplies it. Correct a wrong or missing match from the drop-down.",
  correctionsKept: "The correction is saved in the workbook for the next run.",
  correctionsSession:
    "The correction lasts while the workbook is open here; it is not kept in the downloaded workbook, so choose again next time.",
  columnsMatched: "{n|column|columns} matched",
  columnsUnmatchedHeaders: "Columns not used: {headers}",
  columnsMissing: "Fields not found: ",
  columnsShowAll: "Show all fields ({n})",
  columnsHideOptional: "Show the fields the evaluation needs only",
  columnNone: "(not used)",
  columnRequired: "required",
  columnPerSection: "required with the section",
  columnGuarantee: "guarantee items",
  columnSaved: "Column matches saved in the workbook",
  columnReset: "Back to automatic matching",
  noHeaderRow:
    "No header row in the first 10 rows (at least a school-name column is needed). Select the school table and read again.",

  problemsNone: "No problems found.",
  problemsErrors: "Errors ({n})",
  problemsWarnings: "Warnings ({n})",
  problemsErrorsBlock: "Errors to fix before the report: {n}.",
  problemsClickCell: "Click a problem to go to its cell.",
  problemsWarningsOnly: "Warnings: {n}. They do not change the verdict but are worth checking.",
  problemsShowMore: "Show {n} more",
  problemNoCell: "(whole table)",
  recheck: "Read and check again",

  makeReport: "Write report sheets",
  writing: "Writing the report…",
  reportBlocked: "Fix every error first.",
  reportWritten: "Written: {sheets}",
  reportCounty: "County",
  reportCountyPlaceholder: "e.g. 阿尔山市",
  reportCountyControls: "the name {words}",
  reportYear: "Year or school year",
  reportYearPlaceholder: "e.g. 2026 or 2025-2026",
  reportYearWrong: "A year or a school year, e.g. 2026 or 2025-2026",
  reportTitleHelp: "For the sheets' titles; left empty, the titles keep a blank to fill in by hand.",
  confirmTitle: "Replace the existing report?",
  confirmBody:
    "The workbook already holds sheets this add-in made: {sheets}. They will be replaced with the new results; the school table and every other sheet stay as they are.",
  confirmReplace: "Replace",
  cancel: "Cancel",

  verdictPass: "Resource allocation: passes",
  verdictFail: "Resource allocation: does not pass",
  verdictNote:
    "Every school meets at least 6 of the 7 indicators with the last at 85 % of its standard or more, and every indicator's difference coefficient is within its limit.",
  levelLine:
    "{level}: {passing} of {sections|section passes|sections pass} · {cvPassing} of 7 coefficients within limit",
  levelNone: "{level}: no section evaluated",
  weakestTitle: "Weakest indicators",
  weakestCv: "CV {cv} (limit {limit})",
  weakestFailing: "{n|section|sections} short of the standard",
  failingSectionsTitle: "Sections that do not pass",
  failingSectionLine: "{school} ({level}): {indicators}",
  failingMore: "Show all {n|section|sections}",
  checklistMore: "{n} more",
  failingFewer: "Show fewer",
  openSheet: "Open “{sheet}”",
  sheetsTitle: "Report sheets",

  workbookEmpty: "The workbook has no sheet yet.",
  workbookSheet: "Sheet",
  workbookRows: "{rows|row|rows} × {cols|column|columns}",
  workbookTruncated: "First {n|row|rows} shown",
  workbookColumnsTruncated: "First {n|column|columns} shown",

  allItemsUnavailable: "The full checklist needs the county-level data; not available yet.",
  countyPass: "All items: pass",
  readinessTarget: "Target: {county} to be recognised in {year} ({left})",
  readinessYearsLeft: "{n|year|years} to go",
  readinessThisYear: "this year",
  readinessYearsPast: "{n|year|years} past",
  readinessPart: "{part}: {status}",
  readinessFailing: "{n} failing",
  readinessMissing: "{n} missing",
  readinessPass: "pass",
  readinessStartingGrades:
    "Starting-grade classes (from {from}; grade 1 ≤ {primary}, grade 7 ≤ {junior}): {status}",
  readinessNotInForce: "not yet in force",
  readinessFrom:
    "The county as {source} names it; if it is not, type the county in step 4 of Check and report.",
  readinessFromGiven: "step 4",
  readinessFromTable: "the school table's county column",
  readinessFromCountySheet: "the county sheet's title",
  readinessFromTableTitle: "the school table's title",
  readinessFromFile: "the file's name",
  countyFail: "All items: not all met yet",
  countySheetRead: "County items taken from sheet “{sheet}”.",
  countySheetNone: "No county sheet (县级指标) read yet: items the county reports show as missing.",
  countySheetNoneHow: "Open that sheet, then press the button below.",
  countySheetReadButton: "Read the active sheet as the county sheet",
  countySheetInsertButton: "Insert the county sheet",
  countySheetInserted:
    "Sheet “{sheet}” inserted: fill in the Value column (pick yes or no from the list where asked) with the evidence, then press “Read the active sheet as the county sheet”.",
  countySheetNotCounty: "Sheet “{sheet}” is not a county sheet (it needs an item-code and a value column).",
  countyValue: "value: ",
  filterAll: "All",
  filterFailing: "Failing",
  filterMissing: "Missing",
  statusPass: "Pass",
  statusFail: "Fail",
  statusMissing: "Missing",
  statusMet: "Met",
  statusFloor: "≥ 85 %",
  statusUnmet: "Short",

  hostError: "Excel could not do it: {message}",
  viewUnavailable: "Read and check the school table (with no errors) under “Check” first.",
  dismiss: "Dismiss",
};

const en: Record<MessageKey, string> = { ...paneEn, ...VIEWS_EN, ...RECIPE_EN, ...LEAGUE_VIEWS_EN };

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/**
 * The message in the UI language with its `{name}` placeholders filled. `{name|one|other}` is a count with its
 * noun (`countOf`): "{n|school|schools}" reads "1 school", "3 schools"; English only (Chinese has no plural).
 */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one: string | undefined, other: string | undefined) => {
      if (!(name in params)) return whole;
      const value = params[name];
      if (one === undefined || other === undefined) return String(value);
      return typeof value === "number" ? countOf(value, one, other) : countShown(value, one, other);
    },
  );
}

/** UI language from Office's display language: English for en-*, Chinese otherwise (the users' language). */
export function langOf(displayLanguage: string | null | undefined): Lang {
  return /^en\b/i.test(displayLanguage ?? "") ? "en" : "zh";
}
