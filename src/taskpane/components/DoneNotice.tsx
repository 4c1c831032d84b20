import { Link, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useServices, useStrings } from "../services";

/** What a finished action says, and the sheet it wrote, if any. */
export interface Notice {
  text: string;
  /** A sheet the action wrote: the notice links to it. */
  sheet?: string;
}

export interface DoneNoticeProps {
  notice: Notice | undefined;
  /** For browser tests. @default undefined */
  testId?: string;
}

/** A success message with a link that selects the written sheet. */
export function DoneNotice({ notice, testId }: DoneNoticeProps) {
  const { port } = useServices();
  const strings = useStrings();
  if (!notice) return null;
  return (
    <MessageBar intent="success" data-testid={testId}>
      <MessageBarBody>
        {notice.text}{" "}
        {notice.sheet && (
          <Link as="button" onClick={() => void port.selectCell(notice.sheet!, "A1")}>
            {strings.openSheet(notice.sheet)}
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
