// `npm run notices`: writes THIRD_PARTY_NOTICES.md, the list of every package Balance ships with its version and
// licence, from package-lock.json and the packages' own package.json (read by tests/trust/supplyChain.ts, the
// module the supply-chain test checks the file with). Run it after any change of dependencies.
//
//   node scripts/notices.mjs            write THIRD_PARTY_NOTICES.md
//   node scripts/notices.mjs --stdout   print what it would write
import { build } from "esbuild";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

/** Why each direct dependency is there (the rest come with them). */
const PURPOSES = {
  "@fluentui/react-components": "任务窗格界面 / the task pane's UI (Fluent UI v9)",
  exceljs: "写 .xlsx：模板和报告 / writing .xlsx: template and report",
  fflate: "解压 .xlsx 以读取 / unzipping .xlsx to read it",
  highs: "最低成本规划求解器（WebAssembly）/ the plan's solver (HiGHS, WebAssembly)",
  jszip: "在报告中写入原生图表 / native charts in the report",
  react: "任务窗格 / the task pane",
  "react-dom": "任务窗格 / the task pane",
  saxes: "逐行解析工作表 XML / parsing sheet XML as it streams",
  zod: "校验标准方案、修改清单和成本文件 / validating profiles, edits and cost files",
};

async function loadSupplyChain() {
  const dir = mkdtempSync(join(tmpdir(), "balance-notices-"));
  try {
    const bundle = join(dir, "supplyChain.cjs");
    await build({
      entryPoints: [join(root, "tests/trust/supplyChain.ts")],
      outfile: bundle,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      // the module finds the lockfile and its fixtures from where it lives, not from where it is bundled to
      define: { __dirname: JSON.stringify(join(root, "tests/trust")) },
      logLevel: "warning",
    });
    return createRequire(import.meta.url)(bundle);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(header, rows) {
  return [header, header.replace(/[^|]+/g, "---"), ...rows].join("\n");
}

export function noticesMarkdown({
  shippedPackages,
  isDirectDependency,
  REVIEWED_LICENCES,
  rowFor,
  permitsNonGpl,
}) {
  const shipped = shippedPackages();
  const top = shipped.filter(isDirectDependency);
  const rest = shipped.filter((p) => !isDirectDependency(p));
  const unexplained = top.filter((p) => !PURPOSES[p.name]).map((p) => p.name);
  if (unexplained.length > 0) {
    throw new Error(
      `say why each dependency is there: add ${unexplained.join(", ")} to PURPOSES in scripts/notices.mjs`,
    );
  }
  const counts = new Map();
  for (const p of shipped) counts.set(p.licence, (counts.get(p.licence) ?? 0) + 1);
  const tally = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([licence, n]) => `${licence} ${n}`)
    .join(", ");
  const choices = shipped
    .filter((p) => /\sOR\s/i.test(p.licence))
    .map((p) => {
      const taken = p.licence
        .replace(/[()]/g, "")
        .split(/\s+OR\s+/i)
        .find((alternative) => permitsNonGpl(alternative));
      return `- \`${p.name}\` ${p.version}：${p.licence}，Balance 按 ${taken} 使用 / used under ${taken}.`;
    });
  const reviewed = shipped
    .filter((p) => REVIEWED_LICENCES[`${p.name}@${p.version}`])
    .map((p) => `- \`${p.name}\` ${p.version}：${REVIEWED_LICENCES[`${p.name}@${p.version}`].evidence}.`);
  return [
    "# 第三方软件 Third-party notices",
    "",
    "<!-- 由 `npm run notices`（scripts/notices.mjs）根据 package-lock.json 生成，请勿手改。",
    "     Written by `npm run notices` (scripts/notices.mjs) from package-lock.json: do not edit by hand. -->",
    "",
    "随 Balance 安装（命令行）或打包进加载项和网页版的全部软件包，版本由 `package-lock.json` 锁定，没有 GPL 类许可。",
    "`tests/trust/supply-chain.test.ts` 在锁文件中的软件包、版本或许可证与本表不符时失败。",
    "Every package installed with Balance or bundled into the add-in and the web app, pinned by `package-lock.json`;",
    "none is under a GPL-family licence. The supply-chain test fails when this list and the lockfile differ.",
    "",
    `许可证 Licences (${shipped.length}): ${tally}.`,
    "",
    "## 直接依赖 Direct dependencies",
    "",
    table(
      "| 包 Package | 版本 Version | 许可 Licence | 用途 Purpose |",
      top.map((p) => `${rowFor(p)} ${PURPOSES[p.name]} |`),
    ),
    "",
    `## 随之安装 Installed with them (${rest.length})`,
    "",
    table("| 包 Package | 版本 Version | 许可 Licence |", rest.map(rowFor)),
    "",
    "## 说明 Notes",
    "",
    ...choices,
    ...reviewed,
    "",
  ].join("\n");
}

const text = noticesMarkdown(await loadSupplyChain());
if (process.argv.includes("--stdout")) process.stdout.write(text);
else {
  writeFileSync(join(root, "THIRD_PARTY_NOTICES.md"), text);
  console.log(
    `THIRD_PARTY_NOTICES.md: ${text.split("\n").filter((l) => l.startsWith("| `")).length} packages`,
  );
}
