import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { useStrings } from "../services";

interface Question {
  title: string;
  body: string;
  confirm: string;
  answer: (ok: boolean) => void;
}

/**
 * Asks before something is replaced: `ask` resolves true or false, and `dialog` is the element
 * to render. Office add-ins cannot use window.confirm, so the pane draws its own.
 */
export function useConfirm() {
  const strings = useStrings();
  const [question, setQuestion] = useState<Question | undefined>(undefined);
  const ask = useCallback(
    (title: string, body: string, confirm: string) => new Promise<boolean>((answer) => setQuestion({ title, body, confirm, answer })),
    [],
  );
  const reply = (ok: boolean) => {
    question?.answer(ok);
    setQuestion(undefined);
  };
  const dialog = (
    <Dialog open={question !== undefined} onOpenChange={(_, data) => !data.open && reply(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{question?.title}</DialogTitle>
          <DialogContent>{question?.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid="confirm-replace" onClick={() => reply(true)}>
              {question?.confirm}
            </Button>
            <Button onClick={() => reply(false)}>{strings.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { ask, dialog };
}
