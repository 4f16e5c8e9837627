import type { Department } from './department';
import { ScoringTemplate } from './scoring-template';

type CriterionLine = readonly [id: string, zhHans: string, en: string, weight: number, critical?: 'critical'];

/** Every default criterion is scored 0–10 and passes at 8, the way supervisors fill in paper sheets. */
function template(
	department: Department,
	name: { 'zh-Hans': string; en: string },
	passMark: number,
	lines: readonly CriterionLine[],
): ScoringTemplate {
	return ScoringTemplate.parse({
		id: `tpl-${department}`,
		version: 1,
		department,
		name,
		passMark,
		criteria: lines.map(([id, zhHans, en, weight, critical]) => ({
			id,
			label: { 'zh-Hans': zhHans, en },
			weight,
			maxScore: 10,
			passMark: 8,
			critical: critical === 'critical',
		})),
	});
}

/**
 * Starting templates (默认评分模板), one per department, that an administrator copies and adjusts per
 * estate. Weights add up to 100 so that each reads as its share of the total.
 */
export const DEFAULT_SCORING_TEMPLATES: readonly ScoringTemplate[] = [
	template('cleaning', { 'zh-Hans': '保洁品质抽查表', en: 'Cleaning spot-check sheet' }, 85, [
		['floor-clean', '地面干净，无垃圾、无积水', 'Floor clean, no litter or standing water', 20],
		['handrails-clean', '扶手、栏杆无污渍', 'No stains on handrails and railings', 10],
		['lift-disinfected', '电梯轿厢已消毒并有记录', 'Lift car disinfected and logged', 15, 'critical'],
		['bins-not-overflowing', '垃圾桶未满溢，分类正确', 'Bins not overflowing, waste sorted', 15],
		['toilets-no-odour', '公共卫生间无异味', 'No odour in public toilets', 15],
		['glass-and-signs-clean', '玻璃、标识牌明亮无尘', 'Glass and signs clean, no dust', 10],
		['tools-stored', '保洁工具定点摆放整齐', 'Cleaning tools stored in their place', 5],
		['cleaner-in-uniform', '保洁员着装整洁、佩戴工牌', 'Cleaner in uniform with name badge', 10],
	]),
	template('security', { 'zh-Hans': '安保品质抽查表', en: 'Security spot-check sheet' }, 90, [
		['guard-at-post', '在岗在位，着装规范', 'Guard at post and in uniform', 15],
		['patrol-log-complete', '巡逻记录完整', 'Patrol log complete', 15],
		['visitor-register-complete', '访客登记完整', 'Visitor register complete', 15],
		['fire-exits-clear', '消防通道、安全出口畅通', 'Fire lanes and exits clear', 20, 'critical'],
		['cctv-working', '监控设备运行正常，监控室有人值守', 'CCTV working, monitoring room staffed', 15],
		['vehicles-in-order', '车辆停放有序', 'Vehicles parked in order', 10],
		['courteous-to-residents', '文明礼貌，主动问候', 'Courteous, greets residents first', 10],
	]),
	template(
		'engineering',
		{ 'zh-Hans': '工程维修品质抽查表', en: 'Repairs and engineering spot-check sheet' },
		85,
		[
			['plant-rooms-tidy', '设备房整洁，无杂物', 'Plant rooms tidy, nothing stored in them', 10],
			['equipment-log-complete', '设备运行记录完整', 'Equipment running log complete', 15],
			[
				'lift-certificate-valid',
				'电梯年检合格证在有效期内',
				'Lift inspection certificate in date',
				20,
				'critical',
			],
			['fire-equipment-working', '消防设施完好有效', 'Fire equipment in working order', 20, 'critical'],
			['repair-site-cleared', '维修完工后场地清理干净', 'Site cleared after each repair', 10],
			['safety-gear-worn', '作业时佩戴安全防护用品', 'Safety gear worn on the job', 15],
			['public-lighting-working', '公共照明完好', 'Public lighting working', 10],
		],
	),
	template('customer_service', { 'zh-Hans': '客服品质抽查表', en: 'Customer service spot-check sheet' }, 85, [
		['front-desk-staffed', '前台在岗，仪容仪表规范', 'Front desk staffed, well presented', 15],
		['requests-logged', '来电来访及时登记', 'Every call and visit logged promptly', 15],
		['callbacks-on-time', '回访按时完成', 'Follow-up calls made on time', 20],
		[
			'complaint-records-complete',
			'投诉处理记录完整（原因、措施、结果）',
			'Complaint records complete (cause, measures, result)',
			20,
		],
		['notice-board-current', '公告栏内容及时更新', 'Notice board up to date', 10],
		['service-language', '服务用语规范', 'Standard service language used', 10],
		[
			'resident-data-protected',
			'住户信息妥善保管，无外泄',
			'Resident data kept safe, never left out',
			10,
			'critical',
		],
	]),
	template('landscaping', { 'zh-Hans': '绿化品质抽查表', en: 'Landscaping spot-check sheet' }, 80, [
		['lawn-trimmed', '草坪修剪平整，高度适宜', 'Lawns trimmed evenly to height', 20],
		['beds-weeded', '花坛绿篱无杂草', 'Flower beds and hedges free of weeds', 15],
		['no-dead-plants', '无枯枝、死株', 'No dead branches or plants', 15],
		['watered-no-pooling', '灌溉及时，无积水', 'Watered on time, no pooling', 10],
		['pests-controlled', '无明显病虫害', 'No visible pests or disease', 15],
		['cuttings-cleared', '修剪垃圾当日清运', 'Cuttings cleared the same day', 15],
		[
			'pesticides-safe',
			'农药安全存放，施药有警示',
			'Pesticides locked away, spraying signposted',
			10,
			'critical',
		],
	]),
];

/** The default template of `department`. */
export function defaultScoringTemplate(department: Department): ScoringTemplate {
	const found = DEFAULT_SCORING_TEMPLATES.find((t) => t.department === department);
	if (!found) throw new Error(`no default scoring template for ${department}`);
	return found;
}
