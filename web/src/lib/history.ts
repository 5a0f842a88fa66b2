import { graphql } from '../gql';
import type { HistoryEntryFieldsFragment } from '../gql/graphql';

/** What the history views show of an entity's recorded events (the audit page, an assignment's page); operations spread it by name. */
export const HistoryEntryFields = graphql(`
  fragment HistoryEntryFields on HistoryEntry {
    version
    type
    recordedAt
    data
    actor {
      username
      unit {
        name
      }
    }
  }
`);

export type HistoryEntry = HistoryEntryFieldsFragment;
