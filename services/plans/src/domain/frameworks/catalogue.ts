/**
 * The index frameworks plans cite, as versioned data rather than enums: PAPI's sub-dimensions
 * change between survey years (FACTS.md), so each framework lists editions valid from a year and
 * a plan is checked against the edition of its own year. The data is not here: the scoring
 * service owns the catalogue and publishes it; the plans service decides against its replica
 * (read/frameworks, ADR 0034), handed to the decider by the command shell.
 */
export interface Indicator {
  /** "1" for a dimension, "1.1" for a sub-dimension / sub-criterion. */
  readonly code: string;
  readonly name: string;
}

export interface FrameworkEdition {
  /** First plan year the edition applies to. */
  readonly fromYear: number;
  readonly indicators: readonly Indicator[];
}

export interface Framework {
  readonly code: string;
  readonly name: string;
  /** Oldest first; empty when the platform does not itemise the framework's indicators. */
  readonly editions: readonly FrameworkEdition[];
  /**
   * A plan may cite a sub-item of a listed dimension the edition does not list (PAPI: seed 001
   * itemises dimension 4 into 4.1–4.6 where the survey has 4.1–4.4, and keeps 5.2 in 2021).
   */
  readonly openSubItems?: boolean;
}

/** The latest version of every framework the plans service knows, by code. */
export type FrameworkCatalogue = readonly Framework[];

export function frameworkOf(code: string, catalogue: FrameworkCatalogue): Framework | null {
  return catalogue.find((framework) => framework.code === code) ?? null;
}

/**
 * The indicator `code` of `framework` in the edition for `year`. A framework without itemised
 * editions accepts any code (its criteria trees are each province's own data, not the platform's).
 */
export function indicatorOf(framework: string, code: string, year: number, catalogue: FrameworkCatalogue): Indicator | null | 'unknown-framework' {
  const known = frameworkOf(framework, catalogue);
  if (!known) return 'unknown-framework';
  if (known.editions.length === 0) return { code, name: code };
  const edition = [...known.editions].reverse().find((e) => e.fromYear <= year) ?? known.editions[0];
  const found = edition.indicators.find((indicator) => indicator.code === code);
  if (found) return found;
  const parent = /^(\d+)\.\d+$/.exec(code)?.[1];
  if (known.openSubItems && parent && edition.indicators.some((indicator) => indicator.code === parent)) return { code, name: code };
  return null;
}
