export const CREDENTIAL_TYPE = 'linkUpLinkedInApi';

export const DEFAULT_BASE_URL = 'https://api.linkupapi.com';

export const INBOX_CATEGORIES = ['INBOX', 'UNREAD', 'MY_CONNECTIONS', 'INMAIL', 'STARRED'] as const;

/** Page size for Return All: credits depend on conversations returned, not on requests. */
export const RETURN_ALL_PAGE_SIZE = 100;

/** LinkUp loops upstream for large pages; a hung request must fail the run, not freeze it. */
export const REQUEST_TIMEOUT_MS = 60_000;
