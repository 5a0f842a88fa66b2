import { z } from 'zod';
import { defineContract } from '../lib/contract';

/**
 * What the directory publishes about accounts, so that every service refuses a session at once
 * when its account loses access (ADR 0021): a disablement, a revoked role, a changed password.
 * Nothing else of an account leaves the directory (never a password hash); the account id is
 * the token's subject. `recordedAt` of the message is the instant the change took effect: a
 * token issued before it is refused.
 */
const accountId = z.string().min(1, 'must not be empty');
const account = (eventType: string, data: z.ZodRawShape) =>
  defineContract({ service: 'directory', aggregate: 'account', eventType, version: 1, schema: z.object({ accountId, ...data }) });

export const AccountDisabledV1 = account('AccountDisabled', {});
export const RoleRevokedV1 = account('RoleRevoked', { role: z.string().min(1), unitCode: z.string().min(1) });
export const PasswordChangedV1 = account('PasswordChanged', {});

export type AccountAccessChange = { accountId: string; role?: string; unitCode?: string };

export const DIRECTORY_ACCOUNT_CONTRACTS = [AccountDisabledV1, RoleRevokedV1, PasswordChangedV1];
