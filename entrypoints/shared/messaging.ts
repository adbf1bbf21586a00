import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '../../lib/protocol.ts';

// One messaging instance per context, all typed by the same protocol map.
export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
