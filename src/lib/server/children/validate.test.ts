import { describe, expect, it } from 'vitest';
import { readCarePackage, readChild } from './validate';

const TODAY = new Date('2026-12-01T12:00:00Z');
const child = {
	reference: 'RIV-9',
	display_name: 'Jo',
	dob_day: '3',
	dob_month: '4',
	dob_year: '2015'
};

describe('readChild', () => {
	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
		'refuses the SEND need %s, which is not on the list',
		(need) => {
			expect(readChild(child, [need], TODAY).errors).toEqual({
				send_needs: 'Choose needs from the list'
			});
		}
	);

	it('refuses 31 February as a date of birth', () => {
		const { errors } = readChild({ ...child, dob_day: '31', dob_month: '2' }, [], TODAY);
		expect(errors.dob_day).toMatch(/real date/);
	});
});

describe('readCarePackage', () => {
	const S = '00000000-0000-4000-8000-000000000001';

	it.each(['2026-02-31', '0000-01-01', '2026-00-10', '99999-01-01'])(
		'refuses the start date %s',
		(date) => {
			expect(readCarePackage({ service_id: S, starts_on: date }, [S]).errors.starts_on).toMatch(
				/real date/
			);
		}
	);

	it('refuses an end date that does not exist', () => {
		const { errors } = readCarePackage(
			{ service_id: S, starts_on: '2026-01-01', ends_on: '2026-04-31' },
			[S]
		);
		expect(errors.ends_on).toMatch(/real date/);
	});
});
