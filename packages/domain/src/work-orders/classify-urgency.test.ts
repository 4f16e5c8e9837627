import { describe, expect, it } from 'vitest';
import { classifyUrgency } from './classify-urgency';
import type { WorkOrderCategory, WorkOrderKind } from './work-order-kind';

const repair = (description: string, category: WorkOrderCategory = 'plumbing') =>
	classifyUrgency({ kind: 'repair', category, description });

describe('classifyUrgency', () => {
	it.each([
		// zh-Hans
		['卫生间水管爆裂了', ['水管爆裂']],
		['楼上爆管，家里淹水', ['爆管', '淹水']],
		['天花板漏水', ['漏水']],
		['地下室水浸', ['水浸']],
		['整层断电', ['断电']],
		['家里停电了', ['停电']],
		['插座短路冒烟', ['短路', '冒烟']],
		['厨房有燃气味', ['燃气']],
		['闻到煤气', ['煤气']],
		['好像漏气了', ['漏气']],
		['3栋电梯困人', ['电梯困人']],
		['有人困梯', ['困梯']],
		['阳台着火了', ['着火']],
		['车库失火', ['火']],
		['家里被偷了', ['被偷']],
		['车辆盗窃', ['盗窃']],
		// zh-Hant
		['浴室水管爆裂', ['水管爆裂']],
		['全屋斷電', ['斷電']],
		['停電兩小時', ['停電']],
		['電梯困人，請盡快', ['電梯困人']],
		['廚房煤氣味很重', ['煤氣']],
		['客廳著火', ['著火']],
		['單車失竊', ['失竊']],
		// English
		['Fire in the bin room!', ['fire']],
		['smoke coming from the meter box', ['smoke']],
		['Basement is FLOODED', ['flooded']],
		['burst pipe under the sink', ['burst pipe']],
		['I think there is a gas leak', ['gas leak']],
		['power cut on floor 12', ['power cut']],
		['short circuit in the kitchen', ['short circuit']],
		['My mother is trapped in the lift', ['trapped in the lift']],
		['theft from my car', ['theft']],
		['Water leak from ceiling', ['leak']],
		['gas leak and smoke', ['gas leak', 'smoke']],
	])('%s is urgent (%j)', (description, keywords) => {
		expect(repair(description)).toEqual({ urgency: 'urgent', reason: 'urgent_keyword', keywords });
	});

	it.each([
		['楼道栏杆松动', ['栏杆']],
		['路边井盖缺失', ['井盖']],
		['2号路路灯不亮', ['路灯']],
		['单元门禁坏了', ['门禁']],
		['消防栓漏了个盖', ['消防']],
		['灭火器过期', ['灭火器']],
		['樓梯欄杆斷了', ['欄杆']],
		['路燈壞了', ['路燈']],
		['門禁刷不開', ['門禁']],
		['The railing on the bridge is loose', ['railing']],
		['manhole cover missing near gate 2', ['manhole']],
		['Streetlight out by the pond', ['streetlight']],
		['fire extinguisher missing on floor 9', ['fire extinguisher']],
		['smoke alarm beeping in the corridor', ['smoke alarm']],
	])('%s is important (%j)', (description, keywords) => {
		expect(repair(description, 'public_facilities')).toEqual({
			urgency: 'important',
			reason: 'safety_keyword',
			keywords,
		});
	});

	it.each([
		['厨房水龙头关不紧'],
		['加强防火宣传'],
		['楼下火锅店油烟'],
		['信报箱门坏了'],
		['The fireplace chimney is dirty'],
		['No smoking signs please'],
		['Wardrobe door hinge broken'],
	])('%s is general', (description) => {
		expect(repair(description, 'carpentry')).toEqual({ urgency: 'general', reason: 'default', keywords: [] });
	});

	it('treats a complaint as general unless its words say otherwise', () => {
		const noise = classifyUrgency({ kind: 'complaint', category: 'noise', description: '楼上装修太吵' });
		const theft = classifyUrgency({
			kind: 'complaint',
			category: 'security',
			description: '保安不在岗，我的电动车被偷了',
		});
		expect(noise.urgency).toBe('general');
		expect(theft).toEqual({ urgency: 'urgent', reason: 'urgent_keyword', keywords: ['被偷'] });
	});

	it.each<[WorkOrderKind, WorkOrderCategory]>([
		['suggestion', 'security'],
		['booking', 'cleaning_deep'],
	])('never raises a %s by keywords', (kind, category) => {
		expect(classifyUrgency({ kind, category, description: '建议加装消防设施，防止着火' })).toEqual({
			urgency: 'general',
			reason: 'kind_not_urgent',
			keywords: [],
		});
	});

	it('reads an inquiry’s words', () => {
		expect(
			classifyUrgency({ kind: 'inquiry', category: 'other', description: '家里停电了怎么办' }).urgency,
		).toBe('urgent');
	});
});
