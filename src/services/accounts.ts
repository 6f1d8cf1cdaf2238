/**
 * The seller account every request acts on until accounts and logins arrive (issue 7): the first
 * migration creates it as id 1, "Default account".
 */
export const defaultAccountId = 1;
