// JSX typings for React 19 (`akece-chat/react`), compile-only: `npm run check:types`.
import {useRef} from 'react';
import 'akece-chat';
import type {AkeceChat, ConnectionState} from 'akece-chat';
import type {} from 'akece-chat/react';

export function Chat({token}: {token: string}) {
  const ref = useRef<AkeceChat>(null);
  return (
    <akece-chat
      ref={ref}
      id="support"
      className="chat"
      style={{height: 400}}
      baseUrl="https://chat.example.com"
      inboxIdentifier="inbox"
      pubsubToken={token}
      open
      layout="inline"
      position="left"
      theme="auto"
      storage="session"
      presenceInterval={10}
      conversationId={42}
      headerTitle="Support"
      onakece-ready={(e) => e.detail}
      onakece-open-change={(e) => e.detail.open}
      onakece-connection-change={(e) => {
        const state: ConnectionState = e.detail.state;
        return state;
      }}
      onakece-message={(e) => e.detail.message.content}
      onakece-unread-change={(e) => e.detail.count}
      onakece-conversation-status={(e) => e.detail.status}
      onakece-error={(e) => e.detail.code}
    />
  );
}

/** Markup copied from HTML: the attribute spellings work too. */
export const fromHtml = <akece-chat base-url="https://chat.example.com" inbox-identifier="inbox" presence-interval="10" header-title="Help" />;

// @ts-expect-error: not a layout
export const badLayout = <akece-chat layout="sideways" />;
// @ts-expect-error: a number, not a string
export const badInterval = <akece-chat presenceInterval="10" />;
// @ts-expect-error: the open-change detail has no message
export const badDetail = <akece-chat onakece-open-change={(e) => e.detail.message} />;
// @ts-expect-error: unknown property
export const unknown = <akece-chat inbox="x" />;
