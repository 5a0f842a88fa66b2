/* Pure (type:domain): a level's report from its children's accepted reports. */
import { DataItem, FormSection } from '../regime/regime';
import { ItemValue, ReportContent } from '../report/report.decider';

export interface ChildReport {
  readonly unitCode: string;
  readonly unitName: string;
  readonly content: ReportContent;
}

export interface ConsolidatedItem {
  readonly code: string;
  readonly name: string;
  readonly unit: string | null;
  readonly rule: DataItem['rule'];
  readonly value: number | null;
  /** Each figure traceable to the children behind it: every child's value that went in. */
  readonly contributors: ReadonlyArray<{ readonly unitCode: string; readonly value: ItemValue }>;
}

export interface ConsolidatedSection {
  readonly code: string;
  readonly title: string;
  /** The children's texts of the section, one per unit, in the order given. */
  readonly units: ReadonlyArray<{ readonly unitCode: string; readonly unitName: string; readonly text: string }>;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** One item by its rule, over the children that gave it a value (a child without one is left out, not counted as 0). */
export function consolidateItem(item: DataItem, children: readonly ChildReport[]): ConsolidatedItem {
  const contributors = children.map((child) => ({ unitCode: child.unitCode, value: child.content.items[item.code] ?? null })).filter((c) => c.value !== null);
  const numbers = contributors.map((c) => c.value).filter((v): v is number => typeof v === 'number');
  let value: number | null = null;
  switch (item.rule) {
    case 'SUM':
      value = numbers.length ? round(numbers.reduce((a, b) => a + b, 0)) : null;
      break;
    case 'MEAN':
      value = numbers.length ? round(numbers.reduce((a, b) => a + b, 0) / numbers.length) : null;
      break;
    case 'MIN':
      value = numbers.length ? Math.min(...numbers) : null;
      break;
    case 'MAX':
      value = numbers.length ? Math.max(...numbers) : null;
      break;
    case 'COUNT_YES':
      value = contributors.filter((c) => c.value === true).length;
      break;
    case 'WEIGHTED_MEAN': {
      let weights = 0;
      let total = 0;
      for (const child of children) {
        const v = child.content.items[item.code];
        const w = child.content.items[item.weightItem ?? ''];
        if (typeof v === 'number' && typeof w === 'number') {
          weights += w;
          total += v * w;
        }
      }
      value = weights > 0 ? round(total / weights) : null;
      break;
    }
    case 'NONE':
      value = null;
      break;
  }
  return { code: item.code, name: item.name, unit: item.unit, rule: item.rule, value, contributors };
}

export function consolidate(
  form: { readonly sections: readonly FormSection[]; readonly items: readonly DataItem[] },
  children: readonly ChildReport[],
): { items: ConsolidatedItem[]; sections: ConsolidatedSection[] } {
  return {
    items: form.items.map((item) => consolidateItem(item, children)),
    sections: form.sections.map((section) => ({
      code: section.code,
      title: section.title,
      units: children
        .map((child) => ({ unitCode: child.unitCode, unitName: child.unitName, text: child.content.sections[section.code] ?? '' }))
        .filter((u) => u.text !== ''),
    })),
  };
}
