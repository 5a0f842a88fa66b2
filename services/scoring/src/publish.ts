import { RecordedEvent } from '@reform/event-store';
import { IntegrationMessage, validatedMessage } from '@reform/messaging';
import { FrameworkVersionPublishedV1 } from '@reform/contracts';
import { FrameworkDefinition, FrameworkEvent } from './domain/framework/framework.decider';
import { CriterionNode } from './domain/framework/index-set';

type Editions = FrameworkVersionPublishedV1['editions'];

const indicatorsOf = (nodes: readonly CriterionNode[]): Array<{ code: string; name: string }> =>
  nodes.flatMap((node) => [{ code: node.code, name: node.name }, ...indicatorsOf(node.children)]);

/** The indicators a plan may cite, by edition: PAPI's dimensions and sub-dimensions per survey year, an index set's criteria tree for its year. */
export function editionsOf(definition: FrameworkDefinition): Editions {
  switch (definition.kind) {
    case 'PAPI_EDITION':
      return [...definition.editions]
        .sort((a, b) => a.fromYear - b.fromYear)
        .map((edition) => ({
          fromYear: edition.fromYear,
          indicators: edition.dimensions.flatMap((d) => [{ code: d.code, name: d.name }, ...d.subDimensions.map((s) => ({ code: s.code, name: s.name }))]),
        }));
    case 'PAR_INDEX_SET':
      return [{ fromYear: definition.year, indicators: indicatorsOf(definition.fields) }];
    case 'LISTED':
      return [];
  }
}

/**
 * Which stored events leave the scoring service (ADR 0034): each published framework version,
 * as the catalogue other services replicate (the plans service checks the indicators plans cite
 * against it). Campaigns, assessments and PAPI results stay inside.
 */
export function publishScoringEvent(recorded: RecordedEvent): IntegrationMessage | null {
  if (!recorded.streamId.startsWith('framework-') || recorded.type !== 'FrameworkVersionPublished') return null;
  const { code, version, definition, on } = (recorded as unknown as FrameworkEvent).data;
  return validatedMessage(recorded, FrameworkVersionPublishedV1, {
    code,
    version,
    kind: definition.kind,
    name: definition.name,
    editions: editionsOf(definition),
    issuerCode: definition.kind === 'PAR_INDEX_SET' ? definition.issuerCode : null,
    publishedOn: on,
  });
}
