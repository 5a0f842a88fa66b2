import { INestApplication, LogLevel } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageBus } from '@reform/messaging';
import { SigningKey, TokenService } from '@reform/auth';
import {
  createDirectoryApp,
  DIRECTORY_SCHEMA,
  DEMO_PASSWORD,
  importNationalUnits,
  importReorganisation2025,
  OLD_STRUCTURE_DAY,
  REORGANISATION_2025,
  seedDemoAccounts,
  seedDirectoryDemo,
  seedTwoTierAccounts,
  seedTwoTierDemo,
} from '@reform/directory';
import { createPlansApp, PLANS_SCHEMA, seedDemoPlans } from '@reform/plans';
import { createTasksApp, seedDemoAssignments, TASKS_SCHEMA } from '@reform/tasks';
import { createReportingApp, defineDemoRegimes, REPORTING_SCHEMA, seedDemoReporting, seedDemoTargetFigures } from '@reform/reporting';
import { createScoringApp, EvidenceStorageChoice, SCORING_SCHEMA, seedFrameworks, seedPapiResults, seedQuangDien2019 } from '@reform/scoring';
import { unitTablesDigest } from '@reform/unit-hierarchy';
import { Clock, systemClock } from '@reform/clock';
import { startGateway, RunningGateway } from '@reform/gateway';

/**
 * The composition root: every service and the gateway in one process, on one PostgreSQL database
 * (a schema per service) and one bus. The embedded mode and the end-to-end tests start it; the
 * distributed mode runs the same services one per process instead (ADR 0006).
 */
export interface PlatformOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  /** Keys that sign and verify session tokens (first signs). */
  readonly signingKeys: readonly SigningKey[];
  readonly gatewayPort: number;
  /** The gateway's interface (default all); subgraphs listen on 127.0.0.1 only. */
  readonly host?: string;
  /**
   * Import the national unit list of March 2025, then the 2025 reorganisation (two tiers from
   * 2025-07-01, lineage); idempotent: a second run appends nothing.
   */
  readonly importUnits?: boolean;
  /** Demo data of the embedded mode. */
  readonly demo?: boolean;
  readonly logger?: LogLevel[] | false;
  /** Reverse proxies in front of the gateway whose X-Forwarded-For is believed (TRUSTED_PROXIES). */
  readonly trustedProxies?: readonly string[];
  /** Origins whose browsers may call the API (CORS_ORIGINS). */
  readonly corsOrigins?: readonly string[];
  /** Progress lines for the operator (Nest's logger is kept quiet at `logger` levels). */
  readonly report?: (line: string) => void;
  /** The one clock of every service ("now", Viet Nam's "today"); the system clock by default. */
  readonly clock?: Clock;
  /** The built web app the gateway serves at `/` (web/dist), or its build under way; none: the API alone. */
  readonly webRoot?: string | Promise<string>;
  /**
   * Start the gateway as soon as the services listen, and load the national list and the demo
   * data after it, in the background (`dataLoaded`): the embedded `npm start`, which must answer
   * within 30 s of a first start (issue 11) while the data takes longer. By default the data is
   * loaded first, as the tests and benches expect.
   */
  readonly dataInBackground?: boolean;
  /** Where the scoring service keeps evidence files (default: its PostgreSQL schema; ADR 0035). */
  readonly evidence?: EvidenceStorageChoice;
}

export interface RunningPlatform {
  readonly gatewayUrl: string;
  readonly directory: INestApplication;
  readonly plans: INestApplication;
  readonly tasks: INestApplication;
  readonly reporting: INestApplication;
  readonly scoring: INestApplication;
  readonly gateway: RunningGateway;
  /** Settles when the national list and the demo data are in (at once unless `dataInBackground`). */
  readonly dataLoaded: Promise<void>;
  close(): Promise<void>;
}

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const report = options.report ?? (() => undefined);
  const logger = options.logger ?? ['error', 'warn'];
  const clock = options.clock ?? systemClock;
  const common = { databaseUrl: options.databaseUrl, bus: options.bus, signingKeys: options.signingKeys, port: 0, logger, clock };
  const started: INestApplication[] = [];
  // Each step reports its own duration: together they are the start's profile (docs/benchmarks.md).
  let stepBegun = Date.now();
  const took = () => `${Date.now() - stepBegun} ms`;
  try {
    const directory = await createDirectoryApp(common);
    started.push(directory);
    const plans = await createPlansApp(common);
    started.push(plans);
    const tasks = await createTasksApp(common);
    started.push(tasks);
    const reporting = await createReportingApp(common);
    started.push(reporting);
    const scoring = await createScoringApp({ ...common, evidence: options.evidence });
    started.push(scoring);
    report(`Services directory, plans, tasks, reporting and scoring started (${took()})`);
    const apps: PlatformApps = { directory, plans, tasks, reporting, scoring };
    const stopLoading = new AbortController();
    if (!options.dataInBackground) await loadData(apps, options, report, stopLoading.signal);
    stepBegun = Date.now();
    const gateway = await startGateway({
      port: options.gatewayPort,
      host: options.host,
      tokens: new TokenService(options.signingKeys),
      webRoot: await options.webRoot,
      trustedProxies: options.trustedProxies,
      corsOrigins: options.corsOrigins,
      subgraphs: [
        { name: 'directory', url: `${await directory.getUrl()}/graphql` },
        { name: 'plans', url: `${await plans.getUrl()}/graphql` },
        { name: 'tasks', url: `${await tasks.getUrl()}/graphql` },
        { name: 'reporting', url: `${await reporting.getUrl()}/graphql` },
        { name: 'scoring', url: `${await scoring.getUrl()}/graphql` },
      ],
    });
    report(`Gateway composed and listening (${took()})`);
    // In the background, nothing waits for it but `dataLoaded`; a stop interrupts it between steps.
    const dataLoaded = options.dataInBackground ? loadData(apps, options, report, stopLoading.signal) : Promise.resolve();
    dataLoaded.catch(() => undefined); // observed by the caller; never an unhandled rejection
    return {
      gatewayUrl: gateway.url,
      directory,
      plans,
      tasks,
      reporting,
      scoring,
      gateway,
      dataLoaded,
      async close() {
        stopLoading.abort();
        await gateway.close();
        // A step under way ends when its service closes (the overdue pass between two batches).
        for (const app of started.reverse()) await app.close();
        await dataLoaded.catch(() => undefined);
      },
    };
  } catch (error) {
    for (const app of started.reverse()) await app.close().catch(() => undefined);
    throw error;
  }
}

interface PlatformApps {
  readonly directory: INestApplication;
  readonly plans: INestApplication;
  readonly tasks: INestApplication;
  readonly reporting: INestApplication;
  readonly scoring: INestApplication;
}

/**
 * The national list, the 2025 reorganisation and the demo data, each step idempotent (a second
 * start appends nothing), each reporting its own duration: together the start's profile
 * (docs/benchmarks.md). Stopped between steps once `signal` aborts (the platform closing).
 */
async function loadData(apps: PlatformApps, options: PlatformOptions, report: (line: string) => void, signal: AbortSignal): Promise<void> {
  const { directory, plans, tasks, reporting, scoring } = apps;
  let stepBegun = 0;
  const took = () => `${Date.now() - stepBegun} ms`;
  const next = () => {
    signal.throwIfAborted();
    stepBegun = Date.now();
  };
  if (options.importUnits) {
    next();
    const summary = await importNationalUnits(directory);
    report(
      `National unit list: ${summary.established} established, ${summary.renamed} renamed, ${summary.transferred} transferred, ${summary.unchanged} unchanged (${took()})`,
    );
  }
  // The demo's old side (offices and accounts of the districts and communes) is seeded as on the
  // old structure's last day and before the reorganisation, which ends the offices with their units.
  if (options.demo) {
    next();
    const { events } = await seedDirectoryDemo(directory, OLD_STRUCTURE_DAY);
    report(`Demo directory data: ${events} events appended (${took()})`);
    next();
    const { accounts } = await seedDemoAccounts(directory, OLD_STRUCTURE_DAY);
    report(`Demo accounts: ${accounts} created (doha, auditor, d<district>, c<commune>; password "${DEMO_PASSWORD}") (${took()})`);
  }
  if (options.importUnits) {
    next();
    const { corrections, reorganisation } = await importReorganisation2025(directory, report);
    report(
      `Reorganisation ${REORGANISATION_2025.effectiveOn}: ${corrections.events} events correcting the March list, ${reorganisation.established} established, ` +
        `${reorganisation.reorganised} reorganised, ${reorganisation.merged} merged, ${reorganisation.split} split, ${reorganisation.dissolved} dissolved (${took()})`,
    );
  }
  if (options.demo && options.importUnits) {
    next();
    const { events } = await seedTwoTierDemo(directory, REORGANISATION_2025.effectiveOn);
    const { accounts } = await seedTwoTierAccounts(directory, REORGANISATION_2025.effectiveOn);
    report(`Demo two-tier Đà Nẵng: ${events} events, ${accounts} accounts (danang, c<commune>) (${took()})`);
  }
  // Plans and tasks resolve unit references against their copies of the directory's units:
  // nothing that reads them may start before the copies hold what the directory holds.
  next();
  await unitCopiesCaughtUp(directory, [
    { app: plans, schema: PLANS_SCHEMA },
    { app: tasks, schema: TASKS_SCHEMA },
    { app: reporting, schema: REPORTING_SCHEMA },
    { app: scoring, schema: SCORING_SCHEMA },
  ]);
  report(`Unit copies of plans, tasks, reporting and scoring caught up (${took()})`);
  // The framework catalogue is the scoring service's (ADR 0034): published at every start (same
  // content, no new version), and plans decide drafts against their copy, so it must hold it first.
  next();
  const { frameworks } = await seedFrameworks(scoring, { demoIndexSet: options.demo === true });
  await frameworkCopyCaughtUp(scoring, plans);
  report(`Frameworks published by scoring and copied to plans: ${frameworks.join(', ')} (${took()})`);
  if (options.demo) {
    next();
    // Before the plans: seed 002's reporting requirement names Thăng Bình's regime, which its issue links.
    const handTyped = await defineDemoRegimes(reporting, { twoTier: options.importUnits });
    const demoPlans = await seedDemoPlans(plans, { twoTier: options.importUnits });
    report(`Demo plans: ${demoPlans.issued} issued, ${demoPlans.alreadyThere} already there (${took()})`);
    next();
    const planIds = Object.values(demoPlans.planIds);
    const demoAssignments = await seedDemoAssignments(tasks, { planIds, showcasePlanId: demoPlans.planIds['thang-binh-par-2021'] });
    report(
      `Demo assignments: ${demoAssignments.assignments} (${demoAssignments.accepted} accepted, ${demoAssignments.inProgress} in progress, ${demoAssignments.completed} completed, ${demoAssignments.overdue} overdue) (${took()})`,
    );
    // Reports are pre-filled from the assignments' published events: the reporting service must have them all first.
    next();
    await assignmentFactsCaughtUp(tasks, reporting);
    const demoReporting = await seedDemoReporting(reporting, { thangBinhPlanId: demoPlans.planIds['thang-binh-par-2021'], twoTier: options.importUnits });
    report(
      `Demo reporting: ${handTyped.regimes} regimes defined by hand, ${demoReporting.regimesFromPlans} made from plans' reporting requirements, ${demoReporting.periodsOpened} periods opened, ${demoReporting.expectedReports} reports expected (${took()})`,
    );
    // Figures for the PAPI plans' targets (illustrative), accepted by the provinces: scoring's target achievement compares them.
    const targetFigures = await seedDemoTargetFigures(reporting, demoPlans.planIds);
    report(`Demo target figures: ${targetFigures.accepted} year-end reports accepted`);
    next();
    const papi = await seedPapiResults(scoring);
    const quangDien = await seedQuangDien2019(scoring);
    report(
      `Demo scoring: PAPI ${papi.years} survey years (${papi.ranked} ranked province-years), Quảng Điền 2019 campaign: ${quangDien.assessments} assessments published (${took()})`,
    );
  }
}

/** The tasks events the reporting service keeps (libs/contracts tasks.assignment.*), counted on both sides. */
const PUBLISHED_ASSIGNMENT_EVENTS = [
  'AssignmentCreated',
  'ProgressReported',
  'AssignmentCompleted',
  'ExtensionGranted',
  'AssignmentOverdue',
  'AssignmentCancelled',
  'AssignmentPassedToSuccessor',
];

/** Waits until the reporting service holds every task assignment event the tasks service published (120 s at most). */
async function assignmentFactsCaughtUp(tasks: INestApplication, reporting: INestApplication, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [source] = await tasks.get(DataSource).query(
      `SELECT count(*)::int AS n FROM "${TASKS_SCHEMA}".events e JOIN "${TASKS_SCHEMA}".assignments a ON e.stream_id = 'assignment-' || a.id
        WHERE a.kind = 'TASK' AND e.event_type = ANY($1::text[])`,
      [PUBLISHED_ASSIGNMENT_EVENTS],
    );
    const [copy] = await reporting
      .get(DataSource)
      .query(`SELECT (count(*) + coalesce(sum(jsonb_array_length(happenings)), 0))::int AS n FROM "${REPORTING_SCHEMA}".assignment_facts`);
    if (copy.n >= source.n) return;
    if (Date.now() > deadline)
      throw new Error(`The reporting service had ${copy.n} of the tasks service's ${source.n} assignment events after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until every service's copy of the unit tables has the directory's digest (60 s at most). */
/** Waits until the plans service's copy holds every framework version the scoring service published. */
async function frameworkCopyCaughtUp(scoring: INestApplication, plans: INestApplication, timeoutMs = 60_000): Promise<void> {
  const versions = `SELECT code, version FROM "%s".frameworks ORDER BY code, version`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const published: Array<{ code: string; version: number }> = await scoring.get(DataSource).query(versions.replace('%s', SCORING_SCHEMA));
    const copied: Array<{ code: string; version: number }> = await plans.get(DataSource).query(versions.replace('%s', PLANS_SCHEMA));
    const have = new Set(copied.map((row) => `${row.code}@${row.version}`));
    const missing = published.filter((row) => !have.has(`${row.code}@${row.version}`));
    if (missing.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `The plans service's framework catalogue lacks ${missing.map((row) => `${row.code} v${row.version}`).join(', ')} after ${timeoutMs / 1000} s`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function unitCopiesCaughtUp(
  directory: INestApplication,
  copies: readonly { app: INestApplication; schema: string }[],
  timeoutMs = 60_000,
): Promise<void> {
  const source = directory.get(DataSource);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const expected = await unitTablesDigest(source.manager, DIRECTORY_SCHEMA);
    const behind: string[] = [];
    for (const copy of copies) {
      const digest = await unitTablesDigest(copy.app.get(DataSource).manager, copy.schema);
      if (digest.units !== expected.units || digest.versions !== expected.versions) behind.push(copy.schema);
    }
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`Unit copies of ${behind.join(', ')} did not catch up with the directory within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
