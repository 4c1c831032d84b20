import { Button, Caption1, Dropdown, Field, Option, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { LocatedTables } from "../../engine/analyze";
import type { SheetData } from "../../engine/sheet";
import type { Field as TableField, TableKind } from "../../engine/tables";
import { fieldsOf, headerOptions } from "../logic/column-mapping";
import { useStrings } from "../services";

const useStyles = makeStyles({
  table: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fields: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: "0", width: "100%" },
  missing: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalS },
});

export interface TablesPanelProps {
  tables: LocatedTables;
  /** The sheets the tables were found in, for the header dropdowns. */
  sheets: readonly SheetData[];
  /** The user picked a column for a field of a table, or null (（无）) to leave an optional field unmapped. */
  onChoose: (kind: TableKind, field: TableField, column: number | null) => void;
  /** Forget the corrections and find the tables by their headers again. */
  onReset: () => void;
  /** Disable the dropdowns while a task runs. @default false */
  disabled?: boolean;
}

const KINDS: TableKind[] = ["register", "roster", "penalties"];
/** The option value of （无）: no column for an optional field. */
const NO_COLUMN = "none";

/** Where the register, roster and penalty table were found, with a dropdown per field to correct it. */
export function TablesPanel({ tables, sheets, onChoose, onReset, disabled = false }: TablesPanelProps) {
  const strings = useStrings();
  const styles = useStyles();
  const titles: Record<TableKind, string> = { register: strings.tableRegister, roster: strings.tableRoster, penalties: strings.tablePenalties };
  return (
    <section aria-label={strings.tablesTitle}>
      <Subtitle2>{strings.tablesTitle}</Subtitle2>
      {KINDS.map((kind) => {
        const match = tables[kind];
        const sheet = match && sheets.find((s) => s.name === match.sheet);
        return (
          <div key={kind} className={styles.table} data-testid={`table-${kind}`}>
            <Caption1>
              <strong>{titles[kind]}</strong>
              {" · "}
              {match && sheet ? (
                strings.tableFoundAt(match.sheet, sheet.originRow + match.headerRow + 1)
              ) : (
                <span className={styles.missing}>{strings.tableMissing}</span>
              )}
            </Caption1>
            {match && sheet && (
              <div className={styles.fields}>
                {fieldsOf(kind).map(({ field, required }) => {
                  const options = headerOptions(sheet, match);
                  const column = match.columns[field];
                  const current = options.find((o) => o.column === column);
                  return (
                    <Field key={field} label={strings.fieldNames[field]} required={required} size="small">
                      <Dropdown
                        className={styles.dropdown}
                        size="small"
                        disabled={disabled}
                        placeholder={strings.columnNone}
                        value={current ? strings.columnLabel(current.letter, current.header) : ""}
                        selectedOptions={current ? [String(current.column)] : []}
                        onOptionSelect={(_, data) => {
                          if (data.optionValue === undefined) return;
                          onChoose(kind, field, data.optionValue === NO_COLUMN ? null : Number(data.optionValue));
                        }}
                        data-testid={`map-${kind}-${field}`}
                      >
                        {/* A required field always needs a column: only optional ones can be left out. */}
                        {!required && <Option value={NO_COLUMN}>{strings.columnNone}</Option>}
                        {options.map((option) => (
                          <Option key={option.column} value={String(option.column)}>
                            {strings.columnLabel(option.letter, option.header)}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  );
                })}
              </div>
            )}
          </div>
        );
      })}
      <div className={styles.actions}>
        <Button size="small" onClick={onReset} disabled={disabled}>
          {strings.resetMapping}
        </Button>
      </div>
    </section>
  );
}
