import { INestApplicationContext } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCESS_RULE } from './access.decorators';

const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_REFERENCE_METADATA = 'graphql:resolve_reference';
const RESOLVER_PROPERTY_METADATA = 'graphql:resolve_property';

/**
 * Lists `Class.method` of every GraphQL resolver method (query, mutation, field, reference) in
 * the application that declares no access rule. A service's test asserts the list is empty, so a
 * resolver added without a rule fails CI as well as being refused at run time.
 */
export function findResolversWithoutAccessRule(app: INestApplicationContext): string[] {
  const scanner = new MetadataScanner();
  const missing: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      const classRule = Reflect.getMetadata(ACCESS_RULE, prototype.constructor);
      for (const name of scanner.getAllMethodNames(prototype)) {
        const method = prototype[name];
        const isResolver =
          Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) !== undefined ||
          Reflect.getMetadata(RESOLVER_REFERENCE_METADATA, method) !== undefined ||
          Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method) !== undefined;
        if (isResolver && !Reflect.getMetadata(ACCESS_RULE, method) && !classRule) missing.push(`${prototype.constructor.name}.${name}`);
      }
    }
  }
  return missing.sort();
}
