import { createContext, useContext, useState, type ReactNode } from 'react';
import { message } from 'antd';
import type { CombinedError } from 'urql';
import { problemsOf, type ApiProblem } from './errors';

type MessageApi = ReturnType<typeof message.useMessage>[0];

const Feedback = createContext<MessageApi | null>(null);

/**
 * The signed-in pages' short confirmations ("Đã lưu…"). Only antd's message, not its App wrapper:
 * App also brings the modal and notification code into the first page every visit loads.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <Feedback.Provider value={api}>
      {holder}
      {children}
    </Feedback.Provider>
  );
}

export function useMessage(): MessageApi {
  const api = useContext(Feedback);
  if (!api) throw new Error('useMessage is called outside FeedbackProvider');
  return api;
}

/**
 * A page's mutations: `run` performs one, keeps its problems for the page to show and confirms a
 * success with `done`, `busy` meanwhile; it answers whether the mutation succeeded. Nothing to
 * refetch: urql's document cache refetches every query holding a type the mutation returned.
 */
export function useMutationRun() {
  const message = useMessage();
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<{ error?: CombinedError }>, done: string): Promise<boolean> => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setProblems(problemsOf(result.error));
    if (result.error) return false;
    message.success(done);
    return true;
  };
  return { problems, setProblems, busy, run };
}
