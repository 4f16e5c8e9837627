import { m } from '$lib/paraglide/messages';

/**
 * The api's words for what is wrong with a route (the domain's rules, in English), in the reader's language.
 * A message this console does not know is shown as the api wrote it.
 */
export function routeProblemText(message: string): string {
	const known: Record<string, () => string> = {
		'checkpoint codes must be unique': m.pt_problem_codes_unique,
		'a checkpoint appears only once on a route': m.pt_problem_checkpoint_once,
		'give expectedMinute for every checkpoint or for none': m.pt_problem_expected_all_or_none,
		'expected minutes must follow the order of the route': m.pt_problem_expected_order,
		'a checkpoint cannot be expected after the round window closes': m.pt_problem_expected_after_window,
		'day and night periods overlap': m.pt_problem_periods_overlap,
		'the round window is longer than the interval between rounds': m.pt_problem_window_longer,
		'a route needs at least one checkpoint': m.pt_problem_no_checkpoints,
		'Another checkpoint of this estate already has this code.': m.pt_problem_code_taken,
		'a period must not start and end at the same time': m.pt_problem_period_empty,
		'the interval must be whole minutes': m.pt_problem_interval_minutes,
	};
	const exact = known[message];
	if (exact) return exact();
	if (/expected array to have >=1/i.test(message)) return m.pt_problem_no_checkpoints();
	if (/^Too small/i.test(message) || /^Invalid input: expected string/i.test(message)) return m.pt_problem_required();
	if (/^Too big/i.test(message)) return m.pt_problem_too_big();
	if (/expected HH:MM/i.test(message)) return m.pt_problem_time();
	return message;
}
