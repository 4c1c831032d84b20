/**
 * The floor for `league rank`: a process that opens an .xlsx file with ExcelJS and reads every
 * cell's value, and nothing else. Bundled and run by bench/run.ts.
 *
 *   node dist/bench/read-xlsx.cjs <file.xlsx>
 */
import ExcelJS from "exceljs";

async function main(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  let cells = 0;
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value !== null) cells++;
      }),
    ),
  );
  process.stdout.write(`${cells}\n`);
}

void main(process.argv[2]);
