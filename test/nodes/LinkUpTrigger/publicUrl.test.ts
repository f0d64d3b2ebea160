import { publicHttpsProblem, webhookUrlRefusal } from '../../../nodes/LinkUpTrigger/publicUrl';

describe('publicHttpsProblem', () => {
	it.each([
		'https://n8n.example.com/webhook/abc/webhook',
		'https://automations.acme.io:8443/webhook/abc/webhook',
	])('accepts the public HTTPS URL %s', (url) => {
		expect(publicHttpsProblem(url)).toBeUndefined();
	});

	it.each([
		'http://n8n.example.com/webhook/abc/webhook',
		'http://localhost:5678/webhook/abc/webhook',
		'https://localhost/webhook/abc/webhook',
		'https://127.0.0.1:5678/webhook/abc/webhook',
		'https://10.0.0.7/webhook/abc/webhook',
		'https://192.168.1.20/webhook/abc/webhook',
		'https://172.20.0.3/webhook/abc/webhook',
		'https://[::1]/webhook/abc/webhook',
		'https://n8n/webhook/abc/webhook',
		'https://n8n.local/webhook/abc/webhook',
		'not a url',
	])('names WEBHOOK_URL as the fix for %s', (url) => {
		const problem = publicHttpsProblem(url);
		expect(problem?.description).toContain('WEBHOOK_URL');
		expect(problem?.description).toContain('polling');
	});
});

describe('webhookUrlRefusal', () => {
	const refused = {
		code: 'INVALID_PARAMS',
		httpCode: '400',
		message: 'LinkUp refused a parameter: url must be a public HTTPS URL',
		description: '',
	};

	it("turns LinkUp's refusal of the URL into the WEBHOOK_URL fix, with LinkUp's words", () => {
		const problem = webhookUrlRefusal(refused, 'http://localhost:5678/webhook/x/webhook');
		expect(problem?.message).toBe(
			"LinkUp refused n8n's webhook URL http://localhost:5678/webhook/x/webhook: url must be a public HTTPS URL",
		);
		expect(problem?.description).toContain('WEBHOOK_URL');
	});

	it('leaves other failures alone', () => {
		expect(webhookUrlRefusal({ ...refused, message: 'events is invalid' }, 'x')).toBeUndefined();
		expect(webhookUrlRefusal({ ...refused, code: 'INTERNAL_ERROR' }, 'x')).toBeUndefined();
		expect(webhookUrlRefusal(undefined, 'x')).toBeUndefined();
	});
});
