import type { Dice } from './random';

// Surnames weighted roughly by how common they are on the mainland, so that 王, 李 and 张 come up most.
const SURNAMES: readonly (readonly [string, number])[] = [
	['王', 72],
	['李', 71],
	['张', 66],
	['刘', 54],
	['陈', 46],
	['杨', 31],
	['黄', 23],
	['赵', 20],
	['吴', 20],
	['周', 19],
	['徐', 16],
	['孙', 15],
	['马', 12],
	['朱', 12],
	['胡', 11],
	['郭', 11],
	['何', 9],
	['林', 9],
	['高', 9],
	['罗', 8],
	['郑', 8],
	['梁', 7],
	['谢', 6],
	['宋', 6],
	['唐', 6],
	['许', 5],
	['韩', 5],
	['冯', 5],
	['邓', 5],
	['曹', 5],
	['彭', 4],
	['曾', 4],
	['肖', 4],
	['田', 4],
	['董', 4],
	['潘', 3],
	['袁', 3],
	['蔡', 3],
	['蒋', 3],
	['余', 3],
	['于', 3],
	['杜', 3],
	['叶', 3],
	['程', 3],
	['魏', 3],
	['苏', 3],
	['吕', 3],
	['丁', 2],
	['沈', 3],
	['姚', 2],
	['陆', 2],
	['顾', 2],
	['钱', 1],
	['汪', 2],
	['欧阳', 1],
	['司马', 0.3],
];

const MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣晨阳立峰建国志文博睿轩泽宏振天翔毅';
const FEMALE = '芳娜敏静丽艳娟霞秀英玲桂兰燕萍红琳洁梅莉婷雪慧颖倩琪晴悦欣怡佳妍诗涵蕾薇雯璐瑶岚';

export type Sex = 'male' | 'female';

/** A believable full name: a surname and one or two given characters of the person's sex. */
export function chineseName(dice: Dice, sex: Sex): string {
	const surname = dice.weighted(SURNAMES);
	const pool = sex === 'male' ? MALE : FEMALE;
	const first = dice.pick([...pool]);
	if (dice.chance(0.3)) return `${surname}${first}`;
	let second = dice.pick([...pool]);
	while (second === first && dice.chance(0.8)) second = dice.pick([...pool]);
	return `${surname}${first}${second}`;
}

// Mainland mobile prefixes of the three carriers (China Mobile, Unicom, Telecom).
const MOBILE_PREFIXES = [
	'134',
	'135',
	'136',
	'137',
	'138',
	'139',
	'147',
	'150',
	'151',
	'152',
	'157',
	'158',
	'159',
	'178',
	'182',
	'183',
	'187',
	'188',
	'198',
	'130',
	'131',
	'132',
	'155',
	'156',
	'166',
	'176',
	'185',
	'186',
	'133',
	'153',
	'173',
	'177',
	'180',
	'181',
	'189',
	'199',
];

/** An 11-digit mainland mobile number, different from every one in `taken` (which it joins). */
export function mobileNumber(dice: Dice, taken: Set<string>): string {
	for (;;) {
		const number = `${dice.pick(MOBILE_PREFIXES)}${String(dice.int(0, 99_999_999)).padStart(8, '0')}`;
		if (!taken.has(number)) {
			taken.add(number);
			return number;
		}
	}
}

// Administrative division codes: Shanghai's districts first (most owners are local), then other large cities.
const REGIONS: readonly (readonly [string, number])[] = [
	['310115', 14], // 上海 浦东新区
	['310104', 5], // 上海 徐汇区
	['310105', 4], // 上海 长宁区
	['310101', 3], // 上海 黄浦区
	['310112', 3], // 上海 闵行区
	['320102', 2], // 南京 玄武区
	['320505', 2], // 苏州 虎丘区
	['330106', 2], // 杭州 西湖区
	['110105', 2], // 北京 朝阳区
	['440305', 2], // 深圳 南山区
	['510107', 1], // 成都 武侯区
	['420106', 1], // 武汉 武昌区
	['370202', 1], // 青岛 市南区
	['350203', 1], // 厦门 思明区
];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
	const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
	return CHECK_CHARACTERS[sum % 11] ?? '0';
}

/**
 * A mainland ID number (居民身份证号码) that passes the check: region, date of birth, a sequence number whose
 * last digit is odd for men and even for women, and the check character.
 */
export function mainlandIdNumber(dice: Dice, birthYear: number, sex: Sex): string {
	const month = dice.int(1, 12);
	const day = dice.int(1, new Date(Date.UTC(birthYear, month, 0)).getUTCDate());
	const order = dice.int(0, 49) * 2 + (sex === 'male' ? 1 : 0);
	const first17 = `${dice.weighted(REGIONS)}${birthYear}${pad(month)}${pad(day)}${String(dice.int(0, 9))}${pad(order)}`;
	return `${first17}${idCheckCharacter(first17)}`;
}

const pad = (value: number): string => String(value).padStart(2, '0');
