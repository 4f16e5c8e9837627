import { addDays, HOUR_MS, localDateOf, zonedInstant } from '@estate-ops/domain/shared';
import type { Executor } from '../db/database';
import { notices } from '../db/schema/index';
import type { CalendarDay } from './calendar';
import type { SeededBuilding } from './site-plan';

export type NoticeAudience =
	{ readonly scope: 'estate' } | { readonly scope: 'buildings'; readonly buildingIds: readonly string[] };

export type SeededNotice = {
	readonly title: string;
	readonly pinned: boolean;
	readonly publishAt: Date;
	readonly expireAt: Date | null;
	readonly audience: NoticeAudience;
};

/** `2026-03-05` → `3月5日`. */
const monthDay = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The last Spring Festival holiday before `today`: the subject of the expired notice. */
function springFestival(days: readonly CalendarDay[], today: string): { first: string; last: string } {
	const festival = days.filter((day) => day.kind === 'holiday' && day.name === '春节').map((day) => day.date);
	const years = [...new Set(festival.map((date) => date.slice(0, 4)))];
	const spans = years.map((year) => {
		const dates = festival.filter((date) => date.startsWith(year));
		return { first: dates[0] ?? `${year}-02-01`, last: dates.at(-1) ?? `${year}-02-07` };
	});
	// Before the first festival the package knows, a made-up week well in the past keeps the notice expired.
	return (
		spans.filter((span) => span.last < addDays(today, -1)).at(-1) ?? {
			first: addDays(today, -40),
			last: addDays(today, -33),
		}
	);
}

/**
 * Eight notices (公告) in the voice of a property-management office: pinned ones, one for two buildings
 * only, one long expired (the last Spring Festival's service arrangements) and one scheduled for later.
 */
export async function seedNotices(
	db: Executor,
	input: {
		readonly estateId: string;
		readonly now: Date;
		readonly timeZone: string;
		readonly towers: readonly SeededBuilding[];
		readonly authorId: string;
		readonly days: readonly CalendarDay[];
	},
): Promise<SeededNotice[]> {
	const { now, timeZone } = input;
	const today = localDateOf(now, timeZone);
	const at = (daysFromToday: number, time: string): Date =>
		zonedInstant(addDays(today, daysFromToday), time, timeZone);
	const tower = (number: string): SeededBuilding => {
		const found = input.towers.find((t) => t.number === number);
		if (!found) throw new Error(`no tower ${number}`);
		return found;
	};
	const [t3, t5] = [tower('3'), tower('5')];
	const shutoff = addDays(today, 2);
	const drill = addDays(today, 6);
	const festival = springFestival(input.days, today);
	const festivalYear = festival.first.slice(0, 4);
	const estate: NoticeAudience = { scope: 'estate' };

	const planned: (SeededNotice & { body: string })[] = [
		{
			title: `关于${t3.name}、${t5.name}二次供水水箱清洗暂停供水的通知`,
			body: `尊敬的业主/住户：\n\n为保障生活饮用水卫生安全，物业服务中心将于${monthDay(shutoff)} 9:00—16:00 对${t3.name}、${t5.name}二次供水水箱进行清洗消毒，届时上述两栋楼将暂停供水。请各位业主提前做好储水准备，停水期间请关闭家中水龙头，以免恢复供水时发生跑水。\n\n恢复供水初期水质可能略有浑浊，放水片刻即可正常使用。给您带来不便，敬请谅解。\n\n如有疑问，请致电物业服务中心：021-5888 1888。\n\n御景华庭物业服务中心`,
			audience: { scope: 'buildings', buildingIds: [t3.id, t5.id] },
			pinned: true,
			publishAt: at(-1, '10:00'),
			expireAt: zonedInstant(shutoff, '18:00', timeZone),
		},
		{
			title: `${today.slice(0, 4)}年度消防安全疏散演练通知`,
			body: `各位业主/住户：\n\n根据消防安全管理要求，物业服务中心定于${monthDay(drill)}上午10:00在中心花园及1栋、2栋开展消防疏散演练，届时将鸣响警报并启用消防广播，请勿惊慌。\n\n演练内容：火灾报警、人员疏散、灭火器使用示范。欢迎业主朋友们带家人一同参加，学习消防知识，提高自救能力。\n\n演练期间1栋、2栋电梯将暂停使用约20分钟，请提前安排出行。\n\n御景华庭物业服务中心`,
			audience: estate,
			pinned: true,
			publishAt: at(-3, '09:00'),
			expireAt: zonedInstant(drill, '12:00', timeZone),
		},
		{
			title: '电梯年度检验及维护保养公告',
			body: `尊敬的业主/住户：\n\n根据特种设备安全管理规定，本小区电梯将于近期接受年度检验。检验期间每栋楼将轮流停用一部电梯（每次约2小时），另一部电梯正常运行，具体时间以各单元大堂张贴的通知为准。\n\n检验期间请勿在电梯厅逗留，如遇电梯困人请保持冷静，按下电梯内紧急呼叫按钮或拨打24小时值班电话：021-5888 1999，监控中心将第一时间响应。\n\n感谢您的理解与配合！\n\n御景华庭物业服务中心`,
			audience: estate,
			pinned: false,
			publishAt: at(-5, '15:30'),
			expireAt: at(5, '23:59'),
		},
		{
			title: `${festivalYear}年春节期间物业服务安排`,
			body: `各位业主/住户：\n\n新春将至，御景华庭物业服务中心全体员工恭祝大家新春快乐、阖家幸福！\n\n春节期间（${monthDay(festival.first)}至${monthDay(festival.last)}），物业服务中心前台服务时间调整为9:00—17:00，监控中心、秩序维护及工程抢修24小时值班，报修请拨打021-5888 1888或通过大堂自助终端提交。\n\n温馨提示：\n1. 小区内禁止燃放烟花爆竹，请共同维护安全；\n2. 外出返乡前请关闭水、电、燃气总阀，锁好门窗；\n3. 春节期间生活垃圾每日上午、下午各清运一次。\n\n御景华庭物业服务中心`,
			audience: estate,
			pinned: false,
			publishAt: zonedInstant(addDays(festival.first, -10), '10:00', timeZone),
			expireAt: zonedInstant(festival.last, '23:59', timeZone),
		},
		{
			title: '生活垃圾分类定时定点投放提醒',
			body: `各位居民：\n\n根据《上海市生活垃圾管理条例》，本小区实行生活垃圾定时定点投放。湿垃圾、干垃圾投放时间为每天7:00—9:00、18:00—20:00，可回收物及有害垃圾可随时投放至各垃圾分类点的专用桶。\n\n大件垃圾及装修垃圾请提前联系物业预约清运，请勿堆放在楼道或地库。让我们一起做好垃圾分类，共建美丽家园。\n\n御景华庭物业服务中心`,
			audience: estate,
			pinned: false,
			publishAt: at(-20, '09:00'),
			expireAt: null,
		},
		{
			title: '中心花园景观水池清淤维护公告',
			body: `各位业主/住户：\n\n为改善中心花园景观水质，物业服务中心将对景观水池进行排水清淤、水泵检修及池底防水维护，预计工期5天。施工期间水池周边将设置围挡，请看护好儿童，勿进入施工区域。\n\n施工时间为每日8:30—17:30，不会影响花园其他区域的正常使用。\n\n御景华庭物业服务中心`,
			audience: estate,
			pinned: false,
			publishAt: at(2, '09:00'),
			expireAt: at(9, '18:00'),
		},
		{
			title: '汛期防汛防台安全提示',
			body: `各位业主/住户：\n\n汛期已至，请大家关注天气预报，遇暴雨、台风天气请及时关好门窗，收起阳台及窗台上的花盆、晾晒衣物等易坠物品，防止高空坠物。\n\n地库低洼处车辆请及时移至地面停车位，物业已在地库入口备好挡水板和沙袋。如发现家中或公共区域漏水、积水，请立即联系物业服务中心。\n\n御景华庭物业服务中心`,
			audience: estate,
			pinned: false,
			publishAt: at(-10, '11:00'),
			expireAt: at(20, '23:59'),
		},
		{
			title: '关于开展业主满意度调查的通知',
			body: `尊敬的业主：\n\n为持续提升服务品质，物业服务中心即日起开展年度业主满意度调查，内容涵盖客服接待、工程维修、秩序维护、环境保洁及绿化养护等方面。\n\n您可通过大堂自助终端或物业微信公众号填写问卷，约需3分钟。您的每一条意见我们都会认真对待并逐项改进。\n\n感谢您一直以来的支持！\n\n御景华庭物业服务中心`,
			audience: estate,
			pinned: false,
			publishAt: at(-2, '10:00'),
			expireAt: at(12, '23:59'),
		},
	];

	await db.insert(notices).values(
		planned.map((notice) => ({
			estateId: input.estateId,
			title: notice.title,
			body: notice.body,
			audience: notice.audience,
			pinned: notice.pinned,
			publishAt: notice.publishAt,
			expireAt: notice.expireAt,
			createdBy: input.authorId,
			createdAt: new Date(Math.min(notice.publishAt.getTime(), now.getTime()) - HOUR_MS),
			updatedAt: new Date(Math.min(notice.publishAt.getTime(), now.getTime()) - HOUR_MS),
		})),
	);
	return planned.map(({ body: _body, ...notice }) => notice);
}
