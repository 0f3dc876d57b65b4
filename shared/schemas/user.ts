import { z } from 'zod';
import { ROLES } from '../enums';
import { InstantSchema } from '../time';
import { TeamIdSchema } from './team';

export const UsernameSchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9_.-]+$/, 'lower-case letters, digits, _ . -');
export const PasswordSchema = z.string().min(10).max(200);

export const UserSchema = z.object({
  id: z.string(),
  username: UsernameSchema,
  displayName: z.string().min(1).max(60),
  role: z.enum(ROLES),
  teamId: TeamIdSchema.nullable(),
  disabled: z.boolean(),
  createdAt: InstantSchema,
});
export type User = z.infer<typeof UserSchema>;

export const UserCreateSchema = z
  .object({
    username: UsernameSchema,
    displayName: z.string().min(1).max(60),
    role: z.enum(ROLES),
    teamId: TeamIdSchema.nullable().default(null),
    password: PasswordSchema,
  })
  .strict()
  .refine((u) => (u.role === 'field') === (u.teamId !== null), {
    message: 'a field user is bound to exactly one team; other roles to none',
    path: ['teamId'],
  });
export type UserCreate = z.input<typeof UserCreateSchema>;
/** A create once parsed at the edge (the seed may leave out a non-field account's team). */
export type UserCreateInput = Omit<z.output<typeof UserCreateSchema>, 'teamId'> & { teamId?: string | null };

export const UserUpdateSchema = z
  .object({ displayName: z.string().min(1).max(60), disabled: z.boolean(), password: PasswordSchema })
  .partial()
  .strict();
export type UserPatch = z.infer<typeof UserUpdateSchema>;

export const LoginRequestSchema = z.object({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) }).strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const SessionInfoSchema = z.object({ token: z.string(), expiresAt: InstantSchema, user: UserSchema });
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const PasswordChangeSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: PasswordSchema }).strict();
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

export const SessionSummarySchema = z.object({
  id: z.string(),
  userId: z.string(),
  createdAt: InstantSchema,
  expiresAt: InstantSchema,
  userAgent: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;
