import { Badge, Button, Caption1, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useWorkbook } from "../hooks/useWorkbook";
import { useServices, useStrings } from "../services";
import { RankingTab } from "./RankingTab";
import { RubricTab } from "./RubricTab";
import { ValidationTab } from "./ValidationTab";

const useStyles = makeStyles({
  app: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100%",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  note: { color: tokens.colorNeutralForeground3 },
});

type TabId = "validate" | "rank" | "rubric";

export interface AppProps {
  /** Shown in preview mode: switches the UI language. */
  onToggleLanguage?: () => void;
}

/** The task pane: three tabs over one workbook port. Tabs stay mounted so their results survive a switch. */
export function App({ onToggleLanguage }: AppProps) {
  const { mode } = useServices();
  const strings = useStrings();
  const styles = useStyles();
  const workbook = useWorkbook();
  const [tab, setTab] = useState<TabId>("validate");
  return (
    <main className={styles.app}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.grow}>
          {strings.appTitle}
        </Title3>
        {mode === "preview" && (
          <Badge appearance="tint" color="brand" data-testid="preview-badge">
            {strings.previewBadge}
          </Badge>
        )}
        {onToggleLanguage && (
          <Button size="small" appearance="subtle" onClick={onToggleLanguage} data-testid="language-toggle">
            {strings.languageToggle}
          </Button>
        )}
      </header>
      {mode === "preview" && <Caption1 className={styles.note}>{strings.previewNote}</Caption1>}
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabId)}>
        <Tab value="validate" data-testid="tab-validate">
          {strings.tabValidate}
        </Tab>
        <Tab value="rank" data-testid="tab-rank">
          {strings.tabRank}
        </Tab>
        <Tab value="rubric" data-testid="tab-rubric">
          {strings.tabRubric}
        </Tab>
      </TabList>
      <div hidden={tab !== "validate"}>
        <ValidationTab workbook={workbook} />
      </div>
      <div hidden={tab !== "rank"}>
        <RankingTab workbook={workbook} active={tab === "rank"} />
      </div>
      <div hidden={tab !== "rubric"}>
        <RubricTab workbook={workbook} />
      </div>
    </main>
  );
}
