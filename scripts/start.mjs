// `npm start`: sideload the add-in into Excel desktop where Excel can exist (Windows, macOS);
// anywhere else, open the task pane's preview mode on the bundled sample workbook instead,
// so the command always shows the product working.
import { spawn } from "node:child_process";

const args = process.argv.slice(2);
const excelCanRun = process.platform === "win32" || process.platform === "darwin" || args.includes("web");

const [command, commandArgs] = excelCanRun
  ? ["office-addin-debugging", ["start", "manifest.xml", ...args]]
  : ["tsx", ["scripts/preview-server.ts", ...args]];

if (!excelCanRun) {
  console.log("未检测到 Excel 桌面版（此系统无法运行 Excel）：以预览模式启动任务窗格，使用内置示例工作簿。");
  console.log("No Excel desktop on this system: starting the task pane in preview mode on the bundled sample.");
}
const child = spawn(command, commandArgs, { stdio: "inherit", shell: process.platform === "win32" });
child.on("exit", (code) => process.exit(code ?? 1));
