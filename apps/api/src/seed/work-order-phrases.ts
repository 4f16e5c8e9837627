import type {
	MaterialUsed,
	PauseCause,
	WorkOrderCategory,
	WorkOrderKind,
} from '@estate-ops/domain/work-orders';

/**
 * What residents write and what staff record, per category, in natural simplified Chinese. Urgency is not
 * stated here: the domain's `classifyUrgency` reads it from the words (a burst pipe 水管爆裂 is urgent, a
 * broken streetlight 路灯 important, a dripping tap general), exactly as for a real request.
 */
export type RequestTemplate = {
	readonly kind: WorkOrderKind;
	readonly category: WorkOrderCategory;
	/** Share of all requests, in per cent. */
	readonly weight: number;
	/** In a flat, or somewhere public (`{楼}` in the text names the nearest tower). */
	readonly where: 'room' | 'public';
	readonly texts: readonly (readonly [text: string, weight: number])[];
};

export const REQUEST_TEMPLATES: readonly RequestTemplate[] = [
	{
		kind: 'repair',
		category: 'plumbing',
		weight: 22,
		where: 'room',
		texts: [
			['厨房水龙头关不紧，一直在滴水', 10],
			['卫生间马桶冲完水后水箱一直进水，停不下来', 9],
			['洗手盆下水很慢，疑似堵塞', 8],
			['阳台地漏返臭味，下水不畅', 6],
			['主卫淋浴花洒出水很小，水压不足', 6],
			['厨房水槽下水管接口松动，柜子里有点潮湿', 5],
			['马桶堵塞，冲不下去', 7],
			['热水器出水忽冷忽热', 4],
			['卫生间角阀拧不动，想更换', 3],
			['厨房水管漏水，橱柜里都是水', 4],
			['卫生间墙内水管爆裂，水已经流到客厅了', 2],
			['楼上漏水，我家卫生间吊顶在滴水', 3],
		],
	},
	{
		kind: 'repair',
		category: 'electrical',
		weight: 17,
		where: 'room',
		texts: [
			['客厅吊灯不亮，换了灯泡也不行', 9],
			['卧室两个插座没电', 8],
			['卫生间浴霸不工作，开关按了没反应', 6],
			['厨房插座一用电磁炉就跳闸', 7],
			['阳台灯开关接触不良，时亮时不亮', 5],
			['书房网络面板没有信号，需要检查线路', 3],
			['家里突然断电，总闸推不上去', 3],
			['厨房插座冒烟，已经拔掉电器', 1],
			['入户配电箱空气开关频繁跳闸', 2],
		],
	},
	{
		kind: 'repair',
		category: 'carpentry',
		weight: 5,
		where: 'room',
		texts: [
			['主卧衣柜门合页松了，门关不上', 6],
			['厨房橱柜抽屉滑轨坏了，拉不动', 5],
			['书房木门变形，关不严', 4],
			['客厅踢脚线脱落', 3],
			['木地板局部起拱，走上去有响声', 3],
		],
	},
	{
		kind: 'repair',
		category: 'doors_locks',
		weight: 7,
		where: 'room',
		texts: [
			['入户门锁芯转不动，钥匙拔不出来', 5],
			['指纹锁没电了，应急充电也打不开', 4],
			['阳台推拉门卡住，推不动', 5],
			['入户门闭门器漏油，关门很重', 3],
			['卫生间门把手掉了', 4],
			['主卧门锁舌弹不回去', 3],
		],
	},
	{
		kind: 'repair',
		category: 'appliances',
		weight: 8,
		where: 'room',
		texts: [
			['客厅空调制冷效果差，外机有异响', 7],
			['新风系统提示滤网报警，需要更换滤网', 5],
			['地暖不热，分水器有嗡嗡声', 4],
			['油烟机吸力很小，厨房油烟散不出去', 5],
			['中央空调出风口在滴水', 4],
			['可视对讲分机没有声音，听不到访客说话', 4],
			['净水器一直在排水', 2],
		],
	},
	{
		kind: 'repair',
		category: 'public_facilities',
		weight: 10,
		where: 'public',
		texts: [
			['{楼}1单元大堂自动门关不上', 6],
			['{楼}地库电梯厅有两盏灯不亮', 6],
			['{楼}门口的路灯不亮，晚上很黑', 5],
			['{楼}2单元电梯故障，停在12楼不动了', 4],
			['{楼}楼道应急灯不亮', 3],
			['{楼}旁边的井盖松动，车压过有响声', 2],
			['{楼}单元门禁刷卡没反应', 4],
			['儿童游乐区滑梯有一颗螺丝松动', 3],
			['北大门道闸抬杆很慢，车辆排队', 3],
			['会所健身房跑步机显示故障', 2],
			['{楼}1单元电梯困人，里面有一位老人', 1],
			['中心花园的休闲座椅木条断了', 2],
		],
	},
	{
		kind: 'complaint',
		category: 'noise',
		weight: 3,
		where: 'room',
		texts: [
			['楼上每天晚上十点以后还在拖动家具，噪音很大，影响休息', 4],
			['隔壁装修周末早上八点就开始用电钻', 3],
			['楼下广场舞音乐声太大，晚上九点还没结束', 2],
			['地库排风机噪音很大，楼下几户都听得到', 1],
		],
	},
	{
		kind: 'complaint',
		category: 'sanitation',
		weight: 1.5,
		where: 'public',
		texts: [
			['{楼}旁边垃圾分类点的垃圾满了没人清理，有异味', 3],
			['{楼}大堂地面很脏，好几天没拖了', 2],
		],
	},
	{
		kind: 'complaint',
		category: 'parking',
		weight: 1.5,
		where: 'public',
		texts: [
			['我的固定车位被别的车占用了，联系不上车主', 3],
			['地库有车辆长期乱停，把通道都堵住了', 2],
		],
	},
	{
		kind: 'complaint',
		category: 'pets',
		weight: 1,
		where: 'public',
		texts: [
			['有人在中心花园遛狗不牵绳，孩子被吓哭了', 2],
			['{楼}门口草坪上有狗粪便没人清理', 2],
		],
	},
	{
		kind: 'complaint',
		category: 'renovation',
		weight: 1,
		where: 'room',
		texts: [
			['楼上装修把建筑垃圾堆在楼道里，一直没有清走', 2],
			['隔壁装修中午也在施工，违反装修管理规定', 1],
		],
	},
	{
		kind: 'complaint',
		category: 'service',
		weight: 1,
		where: 'room',
		texts: [
			['上周报修的问题三天都没人上门，打电话也没人回复', 2],
			['前台工作人员接待态度不好', 1],
		],
	},
	{
		kind: 'complaint',
		category: 'security',
		weight: 0.5,
		where: 'public',
		texts: [
			['晚上有陌生人在地库里徘徊，很不安全', 1],
			['外卖电动车随意进出小区，车速很快', 2],
		],
	},
	{
		kind: 'complaint',
		category: 'environment',
		weight: 0.5,
		where: 'public',
		texts: [['中心花园景观水池有异味，水很浑', 1]],
	},
	{
		kind: 'suggestion',
		category: 'facilities',
		weight: 2,
		where: 'room',
		texts: [
			['建议在{楼}附近增设一组快递柜', 2],
			['建议地库增加新能源车充电桩', 3],
			['建议儿童游乐区增加遮阳棚', 2],
			['建议会所健身房周末延长开放时间', 1],
		],
	},
	{
		kind: 'suggestion',
		category: 'environment',
		weight: 1,
		where: 'room',
		texts: [['建议中心花园多种一些开花的树，增加休息座椅', 1]],
	},
	{
		kind: 'inquiry',
		category: 'fees',
		weight: 2.5,
		where: 'room',
		texts: [
			['请问今年的物业费什么时候开始缴纳，可以线上缴吗', 3],
			['物业费账单里有一项公摊电费，想了解一下怎么计算的', 1],
		],
	},
	{
		kind: 'inquiry',
		category: 'renovation',
		weight: 1.5,
		where: 'room',
		texts: [['请问室内装修需要办理哪些手续，押金是多少', 1]],
	},
	{
		kind: 'inquiry',
		category: 'parking',
		weight: 1,
		where: 'room',
		texts: [['请问访客车辆怎么登记，可以停多长时间', 1]],
	},
	{
		kind: 'inquiry',
		category: 'other',
		weight: 1,
		where: 'room',
		texts: [
			['请问快递可以放在物业前台代收吗', 1],
			['请问会所游泳池的开放时间', 1],
		],
	},
	{
		kind: 'booking',
		category: 'cleaning_daily',
		weight: 4,
		where: 'room',
		texts: [
			['预约日常保洁，三室两厅，希望上午打扫', 2],
			['家里来客人，预约一次日常保洁', 1],
		],
	},
	{
		kind: 'booking',
		category: 'cleaning_deep',
		weight: 2,
		where: 'room',
		texts: [
			['预约深度保洁，包括厨房油污和卫生间除垢', 2],
			['租客退租，预约全屋深度保洁', 1],
		],
	},
	{
		kind: 'booking',
		category: 'greening',
		weight: 2,
		where: 'room',
		texts: [
			['预约阳台绿植修剪和换盆', 2],
			['露台花园的草坪需要修剪养护', 1],
		],
	},
	{
		kind: 'booking',
		category: 'parking_space',
		weight: 2,
		where: 'room',
		texts: [['亲戚来访住一周，申请临时车位', 2]],
	},
	{
		kind: 'booking',
		category: 'home_visit',
		weight: 2,
		where: 'room',
		texts: [
			['希望物业管家上门沟通家里装修的事项', 1],
			['家中老人行动不便，希望物业上门办理门禁卡登记', 1],
		],
	},
];

/** What the work record says was done, by category. */
export const RESULTS: Readonly<Partial<Record<WorkOrderCategory, readonly string[]>>> = {
	plumbing: [
		'更换阀芯，试水正常',
		'疏通下水管道，排水顺畅',
		'更换进水阀，水箱止水正常',
		'重新紧固接口并缠生料带，无渗漏',
		'更换角阀和软管，试压正常',
	],
	electrical: [
		'更换灯具镇流器，照明恢复',
		'检修插座线路，更换损坏插座',
		'更换漏电保护器，试送电正常',
		'排查线路短路点并修复，恢复供电',
		'更换开关面板，使用正常',
	],
	carpentry: [
		'调整并更换合页，柜门开关正常',
		'更换抽屉滑轨',
		'刨修门扇并调整门框，关闭严密',
		'重新固定踢脚线',
	],
	doors_locks: [
		'更换锁芯，交付新钥匙三把',
		'更换指纹锁电池并清洁感应区',
		'清理推拉门轨道并更换滑轮',
		'更换闭门器',
		'更换门把手',
	],
	appliances: [
		'清洗空调滤网并补充冷媒，制冷正常',
		'更换新风滤网',
		'排除地暖分水器空气，地暖恢复',
		'清洗油烟机风轮',
		'疏通空调冷凝水管',
	],
	public_facilities: [
		'更换门机皮带并调试，自动门正常',
		'更换LED灯管',
		'更换路灯光源',
		'电梯维保单位到场复位并检修，运行正常',
		'更换应急灯电池',
		'更换井盖并加固',
		'更换门禁读卡器',
		'紧固滑梯螺丝并检查其他设施',
	],
	cleaning_daily: ['完成全屋日常保洁，业主验收满意'],
	cleaning_deep: ['完成全屋深度保洁，厨卫除油除垢'],
	greening: ['完成绿植修剪、换盆和施肥'],
	parking_space: ['已登记临时车位，发放临时停车证'],
	home_visit: ['管家已上门沟通并登记业主需求'],
};

export const GENERIC_RESULTS: readonly string[] = [
	'已与业主沟通并处理完毕',
	'现场协调处理，业主认可处理结果',
	'已答复业主并记录在案',
];

export const MATERIALS: Readonly<Partial<Record<WorkOrderCategory, readonly MaterialUsed[]>>> = {
	plumbing: [
		{ item: '陶瓷阀芯', quantity: 1, unit: '个' },
		{ item: '马桶进水阀', quantity: 1, unit: '套' },
		{ item: '不锈钢角阀', quantity: 2, unit: '个' },
		{ item: '生料带', quantity: 1, unit: '卷' },
	],
	electrical: [
		{ item: 'LED吸顶灯', quantity: 1, unit: '个' },
		{ item: '五孔插座', quantity: 2, unit: '个' },
		{ item: '漏电保护器', quantity: 1, unit: '个' },
		{ item: 'BV2.5电线', quantity: 5, unit: '米' },
	],
	carpentry: [
		{ item: '液压合页', quantity: 2, unit: '个' },
		{ item: '三节滑轨', quantity: 1, unit: '副' },
	],
	doors_locks: [
		{ item: 'C级锁芯', quantity: 1, unit: '个' },
		{ item: '五号电池', quantity: 4, unit: '节' },
		{ item: '推拉门滑轮', quantity: 2, unit: '个' },
	],
	appliances: [
		{ item: '新风滤网', quantity: 1, unit: '套' },
		{ item: 'R410A冷媒', quantity: 0.5, unit: '千克' },
	],
	public_facilities: [
		{ item: 'LED灯管', quantity: 2, unit: '根' },
		{ item: '应急灯电池', quantity: 1, unit: '个' },
		{ item: '门禁读卡器', quantity: 1, unit: '个' },
	],
};

export const PAUSE_REASONS: Readonly<Record<PauseCause, readonly string[]>> = {
	waiting_for_parts: [
		'需订购同型号配件，预计两天到货',
		'原厂配件缺货，已联系供应商调货',
		'需采购专用锁芯，等待到货',
	],
	waiting_for_resident: ['业主出差，约定回来后再上门', '业主要求改到周末上门', '需业主确认维修费用后再施工'],
	other: ['等待物业与施工单位协调'],
};

export const REASSIGN_REASONS = [
	'原维修人员临时请假，改派',
	'原维修人员在处理紧急工单，改派同组同事',
	'按业主要求更换维修人员',
];

export const POSITIVE_COMMENTS = [
	'师傅很专业，处理得很快',
	'很满意，谢谢',
	'响应及时，态度很好',
	'问题已经解决了',
	null,
	null,
	null,
];
export const NEGATIVE_COMMENTS = [
	'修完第二天又出现同样的问题',
	'等了太久，而且没有修好',
	'师傅没有清理现场',
	'问题没有彻底解决',
];

export const CANCEL_REASONS = ['业主已自行处理', '业主表示问题已经恢复', '业主重复提交，已合并到其他工单'];

export const NOTES = [
	'业主要求上门前先电话联系',
	'家中有老人，请轻敲门',
	'工作日白天家中无人，钥匙放在物业前台',
	'业主希望下午三点以后上门',
];

export const URGENCY_UPGRADE_REASONS = ['涉及公共区域安全，升级为重要', '业主家中有婴儿，需优先处理'];
