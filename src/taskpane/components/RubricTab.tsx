import { Caption1, Dropdown, Field, MessageBar, MessageBarBody, Option, OptionGroup, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { PRESETS, findPreset } from "../../engine/presets";
import type { WorkbookState } from "../hooks/useWorkbook";
import { useStrings } from "../services";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  description: { color: tokens.colorNeutralForeground3 },
});

export interface RubricTabProps {
  workbook: WorkbookState;
}

/** 规则: which rubric the pane scores and checks by, remembered in the workbook. */
export function RubricTab({ workbook }: RubricTabProps) {
  const strings = useStrings();
  const styles = useStyles();
  const { choices, setRubric } = workbook;
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const current = choices ? findPreset(choices.rubricId) : undefined;
  const presets = Object.values(PRESETS);

  return (
    <div className={styles.tab}>
      <Field label={strings.rubricPickerLabel}>
        <Dropdown
          value={current?.name ?? ""}
          selectedOptions={current ? [current.id] : []}
          disabled={!choices}
          onOptionSelect={async (_, data) => {
            const chosen = data.optionValue && findPreset(data.optionValue);
            if (!chosen) return;
            await setRubric(chosen.id);
            setSaved(strings.rubricSaved(chosen.name));
          }}
          data-testid="rubric-picker"
        >
          <OptionGroup label={strings.rubricPresetGroup}>
            {presets.map((preset) => (
              <Option key={preset.id} value={preset.id} text={preset.name}>
                {`${preset.name}（${strings.rubricKinds[preset.kind] ?? preset.kind}）`}
              </Option>
            ))}
          </OptionGroup>
        </Dropdown>
      </Field>
      {current && (
        <Caption1 className={styles.description} data-testid="rubric-current">
          {current.id} · {strings.rubricKinds[current.kind] ?? current.kind}
        </Caption1>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
