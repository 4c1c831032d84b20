import { Field, Input } from "@fluentui/react-components";
import { useStrings } from "../services";

export interface PeriodFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The period a blank field stands for, once known. */
  placeholder?: string;
  /** Why the period cannot be used; shown in place of the hint. */
  error?: string;
  "data-testid"?: string;
}

/** 期间: a year, quarter or month, blank for the latest year; an unreadable one is marked at the field. */
export function PeriodField({ value, onChange, placeholder, error, "data-testid": testId }: PeriodFieldProps) {
  const strings = useStrings();
  return (
    <Field
      label={strings.periodLabel}
      hint={error ? undefined : strings.periodHint}
      validationState={error ? "error" : "none"}
      validationMessage={error}
      data-testid={testId && `${testId}-field`}
    >
      <Input value={value} onChange={(_, data) => onChange(data.value)} placeholder={placeholder} data-testid={testId} />
    </Field>
  );
}
