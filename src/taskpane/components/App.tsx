import { Badge, Button, Caption1, Spinner, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import { useWorkbook } from "../hooks/useWorkbook";
import { useServices, useStrings } from "../services";
import { ValidationTab } from "./ValidationTab";

// The 排名 and 规则 tabs load when first opened, so the pane's first paint carries only 校验.
const RankingTab = lazy(() => import(/* webpackChunkName: "ranking-tab" */ "./RankingTab").then((m) => ({ default: m.RankingTab })));
const RubricTab = lazy(() => import(/* webpackChunkName: "rubric-tab" */ "./RubricTab").then((m) => ({ default: m.RubricTab })));

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

/** The task pane: three tabs over one workbook port. */
export function App({ onToggleLanguage }: AppProps) {
  const { mode } = useServices();
  const strings = useStrings();
  const styles = useStyles();
  const workbook = useWorkbook();
  const [tab, setTab] = useState<TabId>("validate");
  // A tab is mounted when first opened and then kept, so its results survive a switch.
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set(["validate"]));
  const open = (next: TabId) => {
    setTab(next);
    setOpened((set) => (set.has(next) ? set : new Set([...set, next])));
  };
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
      <TabList selectedValue={tab} onTabSelect={(_, data) => open(data.value as TabId)}>
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
      <Suspense fallback={<Spinner size="small" label={strings.loading} />}>
        {opened.has("rank") && (
          <div hidden={tab !== "rank"}>
            <RankingTab workbook={workbook} active={tab === "rank"} />
          </div>
        )}
        {opened.has("rubric") && (
          <div hidden={tab !== "rubric"}>
            <RubricTab workbook={workbook} />
          </div>
        )}
      </Suspense>
    </main>
  );
}
