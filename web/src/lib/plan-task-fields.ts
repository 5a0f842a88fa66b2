import { graphql } from '../gql';

/**
 * A plan task's columns as the plan view and the plan editor show them. Both pages' documents
 * spread it by name; codegen writes its definition into each document that does.
 */
export const PlanTaskTextFields = graphql(`
  fragment PlanTaskTextFields on PlanTask {
    ordinal
    text
    expectedResult
    target {
      text
    }
    lead {
      text
    }
    implementing {
      text
    }
    monitoring {
      text
    }
    timeframe {
      text
    }
  }
`);
