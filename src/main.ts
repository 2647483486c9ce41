// The npm package's entry (`import 'akece-chat'`): registers <akece-chat> and exports the API and
// its types. No globals besides the registration: the snippet loader is in the script-tag bundle only.
import './define.js';
export * from './index.js';
export type {AkeceChatEvent, AkeceChatEventDetails, AkeceChatEventName} from './events/public-events.js';
