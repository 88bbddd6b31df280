import type { SearchDocument } from '../source';

/** A small policy-like corpus for the contract suite (shapes of lib/policies/search-source.ts). */
export function policyDoc(id: string, over: Partial<SearchDocument> & { title: string }): SearchDocument {
  return {
    id,
    code: id,
    titleEn: '',
    summary: '',
    summaryEn: '',
    category: 'talent',
    level: 'city',
    issuer: '景德镇市人社局',
    tags: [],
    provenance: 'modelled',
    demoData: true,
    inForce: true,
    benefit: '',
    benefitEn: '',
    applicationMode: 'apply',
    effectiveFrom: '2024-01-01',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

export const CORPUS: SearchDocument[] = [
  policyDoc('JP-001', { title: '景漂人才房租补贴', summary: '对来景创业就业的青年人才给予每月房租补贴', category: 'housing', tags: ['房租', '补贴'], effectiveFrom: '2023-03-01' }),
  policyDoc('JP-002', { title: '青花瓷技艺传承人扶持', summary: '支持青花分水等非遗技艺的传承与学徒培养', category: 'craft', level: 'province', issuer: '江西省文旅厅', tags: ['青花', '非遗'], effectiveFrom: '2022-06-01' }),
  policyDoc('JP-003', { title: '高校毕业生社会保险补贴', summary: '大学毕业生灵活就业缴纳社会保险的给予补贴', category: 'employment', tags: ['社保'], effectiveFrom: '2024-05-01' }),
  policyDoc('JP-004', { title: 'AI设计与数字陶瓷创新项目资助', summary: 'Python 编程、人工智能辅助陶瓷设计的创新项目', titleEn: 'Grants for AI design and digital ceramics', category: 'innovation', level: 'district', issuer: '珠山区科技局', tags: ['AI', '数字化'], effectiveFrom: '2025-01-01' }),
  policyDoc('JP-005', { title: '陶溪川创业孵化场地租金减免', summary: '入驻陶溪川孵化基地的初创团队减免场地租金', category: 'housing', level: 'district', issuer: '珠山区人民政府', tags: ['创业'], effectiveFrom: '2021-09-01', inForce: false }),
  policyDoc('JP-006', { title: '陶瓷艺术展会参展补助', summary: '参加国内外陶瓷展会的景漂艺术家给予展位费补助', category: 'culture', tags: ['展会'], effectiveFrom: '2024-02-01' }),
  policyDoc('JP-007', { title: '景德镇陶瓷大学创新创业大赛奖励', summary: '在校大学生与毕业生参赛获奖者给予奖金', category: 'innovation', tags: ['双创'], effectiveFrom: '2023-09-01' }),
  policyDoc('JP-008', { title: 'Kiln firing subsidy for young ceramists', summary: 'Electric kiln firing fees reimbursed for ceramists under 35', titleEn: 'Kiln firing subsidy', category: 'craft', level: 'city', tags: ['kiln'], effectiveFrom: '2025-03-01' }),
];
