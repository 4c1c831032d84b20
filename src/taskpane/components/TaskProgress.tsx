import { Button, Field, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../services";
import type { TaskState } from "../hooks/useTask";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
});

export interface TaskProgressProps {
  state: TaskState;
  onCancel: () => void;
  /** Offer the cancel button; short tasks need none. @default true */
  cancellable?: boolean;
}

/** A running task's ProgressBar and cancel button, or its error or cancellation once it ends. */
export function TaskProgress({ state, onCancel, cancellable = true }: TaskProgressProps) {
  const strings = useStrings();
  const styles = useStyles();
  if (state.running) {
    return (
      <div className={styles.row} role="status">
        <Field className={styles.bar} label={state.label ?? strings.working} validationState="none">
          <ProgressBar value={state.progress} thickness="large" />
        </Field>
        {cancellable && (
          <Button appearance="secondary" onClick={onCancel} data-testid="cancel">
            {strings.cancel}
          </Button>
        )}
      </div>
    );
  }
  if (state.error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{strings.failed(state.error)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (state.cancelled) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{strings.cancelled}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
