import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeAccount, createAccount, listUserAccounts, resetPassword } from '../application/auth/accounts.js';
import { createApiToken, listTokens, MAX_TOKEN_DAYS, revokeToken } from '../application/auth/api-tokens.js';
import { ROLES, TOKEN_ACTIONS } from '../domain/auth/permissions.js';
import { UnitCode } from './params.js';
import {
  AccountSchema,
  ApiTokenInfoSchema,
  CreatedAccountSchema,
  CreatedApiTokenSchema,
  PasswordResetSchema,
} from '../domain/auth/account-contract.js';
import type { Account } from '../db/accounts.js';
import type { ApiTokenInfo } from '../db/api-tokens.js';
import { schemaFits, type SchemaFits } from './schema-fit.js';

schemaFits<SchemaFits<typeof AccountSchema, Account>>();
schemaFits<SchemaFits<typeof ApiTokenInfoSchema, ApiTokenInfo>>();

const Username = z.string().min(2).max(64);
const Party = z
  .string()
  .max(16)
  .regex(/^[A-Za-z0-9_-]+$/)
  .nullable();

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      config: { permission: 'user.manage' },
      schema: {
        summary: 'Accounts with their roles and units',
        tags: ['accounts'],
        response: { 200: z.array(AccountSchema) },
      },
    },
    (request) => listUserAccounts(app.db, request.actor),
  );
  app.post(
    '/api/users',
    {
      config: { permission: 'user.manage' },
      schema: {
        summary: 'Create an account; without a password one is generated, shown once, to be changed at first sign-in',
        tags: ['accounts'],
        body: z.object({
          username: Username,
          displayName: z.string().min(1).max(200),
          role: z.enum(ROLES),
          party: Party.default(null),
          units: z.array(UnitCode).max(500).default([]),
          password: z.string().min(1).max(1000).optional(),
        }),
        response: { 201: CreatedAccountSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const created = await createAccount(app.db, request.actor, request.body, request.id);
      return reply.code(201).send(created);
    },
  );
  app.patch(
    '/api/users/:username',
    {
      config: { permission: 'user.manage' },
      schema: {
        summary: 'Change an account’s role, party, units or state, or remove its two-factor set-up (audited)',
        tags: ['accounts'],
        params: z.object({ username: Username }),
        body: z.object({
          displayName: z.string().min(1).max(200).optional(),
          role: z.enum(ROLES).optional(),
          party: Party.optional(),
          units: z.array(UnitCode).max(500).optional(),
          disabled: z.boolean().optional(),
          resetSecondFactor: z.boolean().optional(),
        }),
        response: { 200: AccountSchema },
      },
    },
    (request) => changeAccount(app.db, request.actor, request.params.username, request.body, request.id),
  );
  app.post(
    '/api/users/:username/password-reset',
    {
      config: { permission: 'user.manage' },
      schema: {
        summary: 'Reset an account’s password: a new one is generated and shown once; its sessions end',
        tags: ['accounts'],
        params: z.object({ username: Username }),
        response: { 200: PasswordResetSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return resetPassword(app.db, request.actor, request.params.username, request.id);
    },
  );

  app.get(
    '/api/tokens',
    {
      config: { permission: 'token.manage' },
      schema: {
        summary: 'API tokens of partner systems',
        tags: ['accounts'],
        response: { 200: z.array(ApiTokenInfoSchema) },
      },
    },
    (request) => listTokens(app.db, request.actor),
  );
  app.post(
    '/api/tokens',
    {
      config: { permission: 'token.manage' },
      schema: {
        summary: 'Create an API token for a partner system (shown once; stored hashed)',
        description: `Scoped to a party, units and permissions (${TOKEN_ACTIONS.join(', ')}); expires within ${MAX_TOKEN_DAYS} days.`,
        tags: ['accounts'],
        body: z.object({
          name: z.string().min(1).max(100),
          party: Party.default(null),
          units: z.array(UnitCode).min(1).max(500),
          permissions: z.array(z.enum(TOKEN_ACTIONS)).min(1),
          expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(90),
        }),
        response: { 201: CreatedApiTokenSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await createApiToken(app.db, request.actor, request.body, request.id));
    },
  );
  app.post(
    '/api/tokens/:id/revoke',
    {
      config: { permission: 'token.manage' },
      schema: {
        summary: 'Revoke an API token',
        tags: ['accounts'],
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .min(1)
            .max(2 ** 31 - 1),
        }),
        response: { 200: z.object({ revoked: z.literal(true) }) },
      },
    },
    async (request) => {
      await revokeToken(app.db, request.actor, request.params.id, request.id);
      return { revoked: true as const };
    },
  );
};
