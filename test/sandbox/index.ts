/** Entry point for tests: `import { startSandbox, realisticInbox } from '../sandbox'`. */
export * from './types';
export * from './accounts';
export { startSandbox, type Sandbox } from './server';
export { Inbox, SandboxNotFoundError } from './inbox';
export {
	activityOf,
	compareConversations,
	decodeCursor,
	encodeCursor,
	inCategory,
	isAfter,
	type CursorPosition,
} from './order';
export { mulberry32, realisticInbox, type RealisticInboxOptions } from './seed';
export { toApiConversation } from './api';
export { messageCursor, toApiMessage } from './messages';
export {
	olderMessages,
	type ApiMessage,
	type MessageMedia,
	type MessageType,
	type StoredMessage,
} from './history';
export { isProfileUrl, sameProfile } from './identity';
export { ERROR_STATUS } from './envelope';
export { FAULT_MESSAGES } from './faults';
export { CURSOR_EXPIRED_MESSAGE } from './cursors';
export { FUTURE_STAMP_MS } from './clock';
export * from './webhookTypes';
export { signature, DELIVERY_TIMEOUT_MS, DELIVERY_USER_AGENT } from './webhookDelivery';
export { toApiWebhook } from './webhookRoutes';
export { WEBHOOK_SETTING_DEFAULTS } from './settings';
