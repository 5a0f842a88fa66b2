import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessControl, forbidden } from '@reform/auth';
import { Assessment } from '../../domain/assessment/assessment.decider';
import { Campaign } from '../../domain/campaign/campaign.decider';
import { SCORING_SCHEMA as S } from '../../schema';

/**
 * Who may see and touch assessments, decided on the record itself (an id says nothing; an unknown
 * one is FORBIDDEN like another tenant's):
 * - read an assessment (and its evidence files): `read` on the assessed unit or on the campaign's
 *   owner (grants cover subtrees: the district, the province, their auditors); once the results
 *   are published, also `read` on any unit of the campaign — the siblings;
 * - score and submit: `act` on the assessed unit;
 * - appraise, finalise, open a campaign, publish: `manage` on the campaign's owner.
 */
@Injectable()
export class AssessmentAccess {
  constructor(
    private readonly access: AccessControl,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async assessment(id: string): Promise<Assessment> {
    const [row]: Array<{ state: Assessment }> = await this.dataSource.query(`SELECT state FROM "${S}".assessments WHERE id = $1`, [id]);
    if (!row) throw forbidden();
    return row.state;
  }

  async campaign(id: string): Promise<Campaign> {
    const [row]: Array<{ state: Campaign }> = await this.dataSource.query(`SELECT state FROM "${S}".campaigns WHERE id = $1`, [id]);
    if (!row) throw forbidden();
    return row.state;
  }

  async campaignAssessments(campaignId: string): Promise<Assessment[]> {
    const rows: Array<{ state: Assessment }> = await this.dataSource.query(`SELECT state FROM "${S}".assessments WHERE campaign_id = $1 ORDER BY unit_code`, [
      campaignId,
    ]);
    return rows.map((row) => row.state);
  }

  /** Whether the identity reads any unit of a published campaign (a sibling sees the published results). */
  async readsPublished(identity: Identity, campaign: Campaign): Promise<boolean> {
    if (campaign.status !== 'PUBLISHED') return false;
    for (const { unitCode } of campaign.assessments) if (await this.access.allows(identity, 'read', unitCode)) return true;
    return false;
  }

  async canRead(identity: Identity, assessment: Assessment): Promise<boolean> {
    if ((await this.access.allows(identity, 'read', assessment.unitCode)) || (await this.access.allows(identity, 'read', assessment.ownerCode))) return true;
    return this.readsPublished(identity, await this.campaign(assessment.campaignId));
  }

  async assertRead(identity: Identity, assessment: Assessment): Promise<void> {
    if (!(await this.canRead(identity, assessment))) throw forbidden();
  }

  async assertReadCampaign(identity: Identity, campaign: Campaign): Promise<void> {
    if (await this.access.allows(identity, 'read', campaign.ownerCode)) return;
    // A unit being assessed sees its campaign (windows, its own assessment's place in it).
    for (const { unitCode } of campaign.assessments) if (await this.access.allows(identity, 'read', unitCode)) return;
    throw forbidden();
  }

  async assertRanking(identity: Identity, campaign: Campaign): Promise<void> {
    if ((await this.access.allows(identity, 'read', campaign.ownerCode)) || (await this.readsPublished(identity, campaign))) return;
    throw forbidden();
  }

  assertAct(identity: Identity, assessment: Assessment): Promise<void> {
    return this.access.assert(identity, 'act', assessment.unitCode);
  }

  assertManage(identity: Identity, ownerCode: string): Promise<void> {
    return this.access.assert(identity, 'manage', ownerCode);
  }

  assertReadHistory(identity: Identity, assessment: Assessment): Promise<void> {
    return this.access.assert(identity, 'read-history', assessment.unitCode);
  }
}
