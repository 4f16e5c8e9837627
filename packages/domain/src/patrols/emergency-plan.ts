import { z } from 'zod';

/** Kinds of incident (突发事件) a guard can file. */
export const IncidentKind = z.enum([
	'theft',
	'robbery',
	'fire',
	'fight',
	'medical',
	'flood',
	'suspicious_person',
	'other',
]);
export type IncidentKind = z.infer<typeof IncidentKind>;

/** Who may be told about an incident: police 公安 (110), fire brigade 消防 (119), ambulance 急救 (120), … */
export const NotifiedParty = z.enum([
	'police',
	'fire_brigade',
	'ambulance',
	'control_room',
	'security_lead',
	'manager',
	'engineering',
	'utility',
	'residents',
	'family',
	'other',
]);
export type NotifiedParty = z.infer<typeof NotifiedParty>;

export type PlanStep = {
	/** Stable slug: completions refer to it, so label edits do not orphan them. */
	readonly key: string;
	readonly label: { readonly 'zh-Hans': string; readonly en: string };
	/** The party this step calls, so the field view can offer to record the notification with it. */
	readonly notifies?: NotifiedParty;
};

const step = (key: string, zh: string, en: string, notifies?: NotifiedParty): PlanStep =>
	notifies ? { key, label: { 'zh-Hans': zh, en }, notifies } : { key, label: { 'zh-Hans': zh, en } };

const REPORT_MANAGER = step('report_manager', '报告项目经理', 'Report to the estate manager', 'manager');
const PRESERVE_SCENE = step('preserve_scene', '保护现场，设置警戒', 'Preserve the scene and cordon it off');
const REVIEW_CCTV = step('review_cctv', '调取并封存监控录像', 'Pull and keep the CCTV footage');
const CALL_POLICE = step('call_police', '拨打110报警（公安）', 'Call the police (110)', 'police');
const CALL_AMBULANCE = step('call_ambulance', '拨打120急救', 'Call an ambulance (120)', 'ambulance');

/**
 * Emergency plans (应急预案): the ordered checklist a guard follows for each kind of incident. They are the
 * company's defaults; an incident copies its plan when reported, so a later edit never rewrites history.
 */
export const EMERGENCY_PLANS: Readonly<Record<IncidentKind, readonly PlanStep[]>> = {
	fire: [
		step(
			'raise_alarm',
			'发出火警，通知监控中心',
			'Raise the alarm and tell the control room',
			'control_room',
		),
		step('call_fire_brigade', '拨打119报警（消防）', 'Call the fire brigade (119)', 'fire_brigade'),
		step('evacuate', '组织疏散，走安全通道，停用电梯', 'Evacuate by the stairs; take lifts out of service'),
		step(
			'first_attack',
			'用就近灭火器、消火栓初期扑救',
			'Fight the fire early with extinguishers and hydrants',
		),
		step('isolate_power_gas', '切断着火区域电源、燃气', 'Isolate power and gas to the area', 'utility'),
		step(
			'guide_fire_brigade',
			'派人到大门、路口引导消防车',
			'Send someone to the gate to guide the fire engines',
		),
		PRESERVE_SCENE,
		REPORT_MANAGER,
	],
	theft: [
		CALL_POLICE,
		PRESERVE_SCENE,
		REVIEW_CCTV,
		step('record_witnesses', '记录失主及目击者信息', 'Record the victim and witnesses'),
		REPORT_MANAGER,
	],
	robbery: [
		step('ensure_safety', '确保人员安全，不与持械者硬拼', 'Keep people safe; do not confront armed suspects'),
		CALL_POLICE,
		step(
			'note_suspect',
			'记下嫌疑人特征和逃离方向',
			"Note the suspect's description and direction of flight",
		),
		step('seal_exits', '通知各门岗封控出入口', 'Tell every gate to control the exits', 'security_lead'),
		step('aid_injured', '救助伤员，必要时拨打120', 'Help the injured; call 120 if needed', 'ambulance'),
		PRESERVE_SCENE,
		REVIEW_CCTV,
		REPORT_MANAGER,
	],
	fight: [
		step('separate_parties', '劝阻制止，隔离双方', 'Stop the fight and separate the parties'),
		CALL_POLICE,
		step('aid_injured', '救助伤员，必要时拨打120', 'Help the injured; call 120 if needed', 'ambulance'),
		REVIEW_CCTV,
		REPORT_MANAGER,
	],
	medical: [
		CALL_AMBULANCE,
		step('first_aid', '持证人员现场急救', 'First aid by a trained person'),
		step('contact_family', '联系家属', 'Contact the family', 'family'),
		step('guide_ambulance', '引导救护车，预留电梯', 'Guide the ambulance in and hold a lift'),
		REPORT_MANAGER,
	],
	flood: [
		step('stop_source', '关闭阀门，找到并截断水源', 'Find and shut off the source'),
		step('isolate_power', '切断受影响区域电源', 'Isolate power to the area', 'engineering'),
		step('protect_property', '堵截积水，转移物品', 'Hold the water back and move belongings'),
		step('notify_residents', '通知受影响住户', 'Tell the residents affected', 'residents'),
		REPORT_MANAGER,
	],
	suspicious_person: [
		step('observe', '观察并通报监控中心', 'Watch and tell the control room', 'control_room'),
		step('verify_identity', '礼貌询问，核实身份', 'Ask politely and check identity'),
		step('escort_out', '无正当理由者劝离', 'Escort out anyone without a reason to be here'),
		step(
			'call_police_if_needed',
			'拒不离开或形迹可疑时报警',
			'Call the police if they refuse or act suspiciously',
			'police',
		),
		REPORT_MANAGER,
	],
	other: [
		step('assess', '评估现场情况', 'Assess the situation'),
		step('report_control_room', '报告监控中心', 'Report to the control room', 'control_room'),
		REPORT_MANAGER,
	],
};
