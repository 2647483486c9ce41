// JSX typings for React 19, shipped as `akece-chat/react` (`import type {} from 'akece-chat/react'`).
// React 19 sets a prop as a property when the defined element has it (`baseUrl`, `open`…), as an
// attribute otherwise (`inbox-identifier`), and binds `on<event-name>` props as event listeners.
import type {DetailedHTMLProps, HTMLAttributes} from 'react';
import type {AkeceChat} from './chat/chat.js';
import type {AkeceChatEvent, AkeceChatEventName} from './events/public-events.js';

type Props = Pick<
  AkeceChat,
  | 'baseUrl'
  | 'websocketUrl'
  | 'inboxIdentifier'
  | 'pubsubToken'
  | 'contactIdentifier'
  | 'conversationId'
  | 'open'
  | 'layout'
  | 'position'
  | 'theme'
  | 'locale'
  | 'storage'
  | 'presenceInterval'
  | 'headerTitle'
  | 'headerSubtitle'
>;

/** The attribute spelling of each property, for markup copied from HTML. */
interface Attributes {
  'base-url'?: string;
  'websocket-url'?: string;
  'inbox-identifier'?: string;
  'pubsub-token'?: string;
  'contact-identifier'?: string;
  'conversation-id'?: number | string;
  /** Read by the conversations chunk, not a property of the element. */
  'continue-after-resolve'?: boolean | '';
  'presence-interval'?: number | string;
  'header-title'?: string;
  'header-subtitle'?: string;
}

/** Props of `<akece-chat>` in JSX: properties, attributes and `onakece-…` event listeners. */
export type AkeceChatProps = DetailedHTMLProps<HTMLAttributes<AkeceChat>, AkeceChat> &
  Partial<Props> &
  Attributes & {[K in AkeceChatEventName as `on${K}`]?: (event: AkeceChatEvent<K>) => void};

declare module 'react' {
  // React's JSX types are a namespace: augmenting them takes one.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'akece-chat': AkeceChatProps;
    }
  }
}
