import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventMetadata } from '@reform/event-store';
import { Assessment, assessmentDecider, assessmentStreamId } from '../domain/assessment/assessment.decider';
import { Campaign, campaignDecider, campaignStreamId } from '../domain/campaign/campaign.decider';
import { assessmentFactsOf } from '../domain/assessment/assessment-opening';
import { IndexSetDefinition } from '../domain/framework/index-set';
import { FrameworkCatalogue } from '../read/frameworks/framework-catalogue';
import { SCORING_SCHEMA as S } from '../schema';
import { ScoringCommands } from '../write/common/scoring-commands';
import { DEMO_CAMPAIGN_2019, DEMO_DAYS, demoSelfScores, QUANG_DIEN, QUANG_DIEN_UNITS, QUANG_VINH } from './quang-dien-2019';
import { DEMO_INDEX_SET } from './demo-index-set';

/**
 * The embedded demo's Quảng Điền 2019 campaign, published, as seed 003 describes it (Quảng Vinh
 * 11/11, owing its improvement plan): each step decided by the same deciders on the scenario's own
 * days, recorded as the demo accounts (d477, c<commune>). Skipped when the district already has a
 * 2019 campaign. The scores are illustrative (see quang-dien-2019.ts).
 */
export async function seedQuangDien2019(app: INestApplication): Promise<{ campaignId: string | null; assessments: number }> {
  const commands = app.get(ScoringCommands);
  const dataSource = app.get(DataSource);
  const [existing] = await dataSource.query(`SELECT id FROM "${S}".campaigns WHERE owner_code = $1 AND year = 2019`, [QUANG_DIEN]);
  if (existing) return { campaignId: null, assessments: 0 };
  const found = await app.get(FrameworkCatalogue).definition(DEMO_INDEX_SET.code);
  if (!found) throw new Error(`The demo index set ${DEMO_INDEX_SET.code} must be published before the demo campaign`);
  const framework = found.definition as IndexSetDefinition;
  const correlationId = randomUUID();
  const as = (username: string, unitCode: string, tenant = QUANG_DIEN): EventMetadata => ({
    actor: { accountId: `demo-${username}`, username, unitCode },
    tenant,
    correlationId,
    causationId: null,
  });
  const district = as('d477', '477.PNV');
  const campaignId = randomUUID();
  const assessments = QUANG_DIEN_UNITS.map((unitCode) => ({ assessmentId: randomUUID(), unitCode }));
  const facts = { id: campaignId, ...DEMO_CAMPAIGN_2019, skipped: DEMO_CAMPAIGN_2019.skippedCriteria, assessments };
  await commands.store.transaction(async ({ manager }) => {
    const store = commands.store.withManager(manager);
    const { title, ownerCode, year, entryWindow, appraisalWindow, improvement } = facts;
    await commands.execute(
      campaignDecider,
      campaignStreamId(campaignId),
      {
        type: 'OpenCampaign',
        data: {
          id: campaignId,
          title,
          ownerCode,
          year,
          entryWindow,
          appraisalWindow,
          improvement,
          skipped: facts.skipped,
          assessments,
          framework,
          frameworkVersion: found.version,
          today: DEMO_DAYS.open,
        },
      },
      district,
      store,
    );
    for (const { assessmentId, unitCode } of assessments) {
      const run = (command: Parameters<typeof assessmentDecider.decide>[0], metadata: EventMetadata) =>
        commands.execute(assessmentDecider, assessmentStreamId(assessmentId), command, metadata, store);
      const commune = as(`c${unitCode}`, unitCode);
      await run(
        { type: 'OpenAssessment', data: { ...assessmentFactsOf(facts, framework, found.version, { assessmentId, unitCode }), on: DEMO_DAYS.open } },
        district,
      );
      for (const { criterionCode, score } of demoSelfScores(unitCode)) {
        const evidence =
          criterionCode === '1.3'
            ? { citations: [{ number: '25/BC-UBND', date: '2019-06-14', page: 3 }] }
            : { explanation: 'Tự đánh giá theo kết quả thực hiện trong năm (dữ liệu minh họa).' };
        await run({ type: 'ScoreCriterion', data: { criterionCode, score, ...evidence, today: DEMO_DAYS.entry } }, commune);
      }
      await run({ type: 'SubmitSelfAssessment', data: { today: DEMO_DAYS.entry } }, commune);
      if (unitCode === QUANG_VINH) {
        await run(
          {
            type: 'AppraiseCriterion',
            data: {
              criterionCode: '2.2',
              decision: 'ADJUST',
              score: 1,
              reason: 'Không có báo cáo kiểm tra việc thực hiện văn bản QPPL.',
              today: DEMO_DAYS.appraisal,
            },
          },
          district,
        );
        await run(
          {
            type: 'AppraiseCriterion',
            data: {
              criterionCode: '3.2',
              decision: 'ADJUST',
              score: 1,
              reason: 'Tỷ lệ đúng hạn theo phần mềm một cửa thấp hơn số tự chấm.',
              today: DEMO_DAYS.appraisal,
            },
          },
          district,
        );
      }
      await run({ type: 'FinaliseAppraisal', data: { today: DEMO_DAYS.finalise } }, district);
    }
  });
  const rows: Array<{ state: Assessment }> = await dataSource.query(`SELECT state FROM "${S}".assessments WHERE campaign_id = $1`, [campaignId]);
  const results = rows.map(({ state }) => ({
    assessmentId: state.id,
    unitCode: state.unitCode,
    finalised: state.status === 'FINALISED',
    total: state.result?.total ?? null,
    rescaledTotal: state.result?.rescaledTotal ?? null,
    percent: state.result?.percent ?? null,
    grade: state.result?.grade ?? null,
  }));
  const published = await commands.execute(
    campaignDecider,
    campaignStreamId(campaignId),
    { type: 'PublishResults', data: { results, previous: {}, today: DEMO_DAYS.publish } },
    district,
  );
  const last = (published.state as Campaign).ranking.at(-1);
  if (last?.unitCode !== QUANG_VINH) throw new Error(`The demo ranking must end with Quảng Vinh (seed 003), not ${last?.unitCode}`);
  return { campaignId, assessments: assessments.length };
}
