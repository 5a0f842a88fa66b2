import { createContext, useContext, type ReactNode } from 'react';
import { message } from 'antd';

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
