import { GraphQLTestClient } from '@reform/testing';

/**
 * What the end-to-end scenarios type in as Thăng Bình's office of home affairs (d513): a plan
 * implementing Quảng Nam's PAR plan 4003/QĐ-UBND, with rows as the seed plans write them.
 */
export const COMMUNE_TASK = {
  text: 'Niêm yết công khai thủ tục hành chính tại Bộ phận tiếp nhận và trả kết quả',
  target: '100% các xã, thị trấn',
  lead: { text: 'Phòng Nội vụ' },
  implementing: { text: 'UBND các xã, thị trấn' },
  timeframe: 'Tháng 12/2026',
};

export const OFFICE_TASK = {
  text: 'Tổng hợp, báo cáo kết quả cải cách hành chính của huyện',
  lead: { text: 'Phòng Nội vụ' },
  implementing: { text: 'Văn phòng HĐND và UBND huyện' },
  timeframe: 'Tháng 12/2026',
};

export function thangBinhDraft(implementsPlanId: string, tasks: unknown[], number = '120/KH-UBND') {
  return {
    number,
    title: 'Nâng cao Chỉ số cải cách hành chính năm 2026 của huyện Thăng Bình',
    issuerCode: '513',
    year: 2026,
    frameworks: ['PAR_INDEX'],
    implementsPlanId,
    implementsText: 'Kế hoạch cải cách hành chính của UBND tỉnh Quảng Nam',
    sections: [{ code: 'I', title: 'Công tác chỉ đạo, điều hành cải cách hành chính', tasks }],
  };
}

/** The demo's provincial plan 4003/QĐ-UBND of Quảng Nam, as d513 finds it. */
export async function quangNamParPlanId(client: GraphQLTestClient): Promise<string> {
  const { plans } = await client.as<{ plans: Array<{ id: string; number: string }> }>('d513', '{ plans(issuerCode: "49") { id number } }');
  const provincial = plans.find((plan) => plan.number === '4003/QĐ-UBND');
  if (!provincial) throw new Error('the demo data has no 4003/QĐ-UBND of Quảng Nam');
  return provincial.id;
}
