import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Action, Identity } from '@reform/access';

/**
 * Every resolver (query, mutation, field, reference) declares who may call it. The guard denies
 * whatever declares nothing, so a new resolver cannot be open by accident.
 */
export type AccessRule =
  /** No identity needed: `login`, health checks. */
  | { readonly kind: 'public' }
  /** Any signed-in identity: the list of units (names and structure) is public within the platform. */
  | { readonly kind: 'signed-in' }
  /** The target unit is an argument of the operation: checked by the guard before the resolver runs. */
  | { readonly kind: 'unit-argument'; readonly action: Action; readonly argument: string }
  /**
   * The target is only known after loading it (an assignment by id, a unit's accounts): the guard
   * checks that the identity holds `action` somewhere, then the resolver calls
   * `AccessControl.assert` on what it loaded.
   */
  | { readonly kind: 'checked-in-resolver'; readonly action: Action };

export const ACCESS_RULE = 'reform:access-rule';

export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);
export const AccessToUnitArgument = (action: Action, argument: string) =>
  SetMetadata(ACCESS_RULE, { kind: 'unit-argument', action, argument } satisfies AccessRule);
export const AccessCheckedInResolver = (action: Action) => SetMetadata(ACCESS_RULE, { kind: 'checked-in-resolver', action } satisfies AccessRule);

/**
 * The identity the guard verified, for resolvers and command metadata. In a `@ResolveReference()`
 * method take the reference with `@Parent()`: once one parameter is decorated, all must be.
 */
export const CurrentIdentity = createParamDecorator((_data: unknown, context: ExecutionContext): Identity | undefined => {
  return requestOf(context)?.identity;
});

export interface RequestWithIdentity {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  identity?: Identity;
}

export function requestOf(context: ExecutionContext): RequestWithIdentity | undefined {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext()?.req;
  if (context.getType() === 'http') return context.switchToHttp().getRequest();
  return undefined;
}
