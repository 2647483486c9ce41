// React 19 example: <akece-chat> driven by React state. React 19 sets the props a defined custom
// element has as properties (`baseUrl`, `open`, `presenceInterval` stay a string, a boolean, a
// number) and binds `on<event-name>` props as listeners of our CustomEvents (`onakece-message`).
import {useRef, useState} from 'react';
import 'akece-chat'; // registers <akece-chat> before React renders it, so props become properties
import type {AkeceChat, ConnectionState, Message} from 'akece-chat';
import type {} from 'akece-chat/react'; // JSX typings for <akece-chat>

export interface AppProps {
  baseUrl: string;
  inboxIdentifier: string;
}

export function App({baseUrl, inboxIdentifier}: AppProps) {
  const chat = useRef<AkeceChat>(null);
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  const [connection, setConnection] = useState<ConnectionState>('idle');
  const [unread, setUnread] = useState(0);
  const [log, setLog] = useState<Message[]>([]);

  return (
    <main>
      <h1>React shop</h1>
      <p>
        <button type="button" onClick={() => setOpen(!open)}>
          {open ? 'Close the chat' : 'Open the chat'}
        </button>{' '}
        <button type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
          Theme: {theme}
        </button>{' '}
        <button type="button" onClick={() => chat.current?.sendMessage('Where is my order?').catch(() => {})}>
          Ask about my order
        </button>
      </p>
      <p>
        Connection: <output data-test="connection">{connection}</output> · Unread:{' '}
        <output data-test="unread">{unread}</output>
      </p>
      <ol data-test="log">
        {log.map((m) => (
          <li key={m.key}>
            {m.role}: {m.content}
          </li>
        ))}
      </ol>
      <akece-chat
        ref={chat}
        baseUrl={baseUrl}
        inboxIdentifier={inboxIdentifier}
        open={open}
        theme={theme}
        presenceInterval={20}
        storage="session"
        headerTitle="Northwind support"
        onakece-open-change={(e) => setOpen(e.detail.open)}
        onakece-connection-change={(e) => setConnection(e.detail.state)}
        onakece-unread-change={(e) => setUnread(e.detail.count)}
        onakece-message={(e) => setLog((list) => [...list.filter((m) => m.key !== e.detail.message.key), e.detail.message])}
      />
    </main>
  );
}
