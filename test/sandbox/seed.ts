/**
 * Deterministic, realistic inbox data: same seed and count → same conversations (ids, names,
 * texts, order); absolute times are `now` minus seeded offsets (pass `now` to pin them too).
 */
import { companyUrl, conversationUrn, ownerSender, pictureUrl, profileUrl } from './identity';
import type { Account, Participant, SandboxConversation, Sender } from './types';
import { defaultAccounts } from './accounts';

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PEOPLE = [
	'Zoë Müller 🚀',
	'José Álvarez',
	'François Dupont',
	'Łukasz Żółkiewski',
	"Siobhán O'Connor",
	'Björn Ångström',
	'Nguyễn Thị Minh Khai',
	'山田 太郎',
	'Chloé Bernard 🌸',
	'Renée Lefèvre',
	'Mehmet Yılmaz',
	'Aïcha Benali ✨',
	'Søren Kierkegaard',
	'Priya Raghunathan',
	'Ólafur Arnalds',
	'Grace Hopper',
	'Dr. Émile Zola, PhD',
	'María José Peña 🇪🇸',
	'Jürgen Groß',
	'Ingrid Bergström',
	'Kwame Mensah',
	'Anaïs Nin',
	'Tomás Ó Briain',
	'Olga Петрова',
	'Raphaël Nadal 🎾',
	'Hana Kovářová',
	'Ines Ferreira',
	'Leïla Haddad',
	'Dmitri Šostakovič',
	'Amélie Poulain ☕',
];
const HEADLINES = [
	'Senior Software Engineer @ Globex | TypeScript, Node.js',
	'Head of Talent Acquisition 🎯 We are hiring!',
	'Founder & CEO · Building the future of logistics 🚚',
	'Product Manager | Ex-Google | Speaker',
	'Développeuse Full-Stack — Lyon 🇫🇷',
	'Recruiter · Tech & Data · Remote-first',
	'VP Sales EMEA | SaaS | 🏔️ Alpinist',
	'Étudiante en Master Informatique @ Sorbonne Université',
	'Data Scientist — NLP, LLMs & coffee ☕',
	'Ingeniero de Datos en Telefónica',
];
const COMPANIES = [
	'Globex Corporation',
	'Acme Robotics 🤖',
	'Initech Cloud',
	'Umbrella Talent',
	'Société Générale Café',
];
const INCOMING = [
	'Hi Ada, thanks for connecting! 👋',
	'Salut Ada ! Est-ce que tu serais dispo jeudi pour un café ? ☕',
	'Great talk yesterday — could you share the slides? 🙏',
	'Hola Ada, ¿tienes un momento esta semana?',
	'Quick question about the Analytical Engine project:\ndo you have notes on Note G?',
	'Congrats on the new role!! 🎉🎉',
	'Sounds good, see you then.',
	'Here is the link: https://example.com/meeting?id=42&lang=fr',
	'👍',
	"I've attached the proposal. Let me know what you think about section 3 (pricing) — we can adjust. Also, our team in München would love to meet yours next quarter; Jürgen and Zoë are already on board. Looking forward to hearing from you!",
];
const OWN = [
	'Thanks, talk soon!',
	'Merci beaucoup 🙏',
	'Sure — Thursday 10:00 works for me.',
	'Sent you the slides 📎',
	'Ha, indeed 😄',
];
const INMAIL = [
	'Hi Ada, I came across your profile and think you would be a great fit for a Staff Engineer role (full remote, €€€). Open to a chat?',
	"Bonjour Ada, je recrute pour une scale-up parisienne — ton profil m'a tapé dans l'œil !",
];
const SPONSORED = [
	(company: string) => `Ada, unlock your team’s potential with ${company} — 30-day free trial 🚀`,
	(company: string) =>
		`Join the ${company} webinar: "AI in 2025" — seats are limited! Register now 👉`,
];
const RECRUITER_HEADLINES = [
	'Head of Talent Acquisition 🎯 We are hiring!',
	'Recruiter · Tech & Data · Remote-first',
];

type Kind = 'incoming' | 'own' | 'inmail' | 'sponsored';

export interface RealisticInboxOptions {
	/** epoch ms the inbox is generated "at"; default Date.now() */
	now?: number;
	/** the mailbox owner (for URNs and own messages); default the sandbox's Ada Lovelace */
	account?: Account;
}

/**
 * `count` conversations over the last ~14 days, in no particular order: people with accents and
 * emojis, company pages (is_organization), 'Sponsored' and 'inmail' types, own last messages
 * (is_me, unread 0), unread counts 0–12, some missing headlines and empty pictures, ~15% starred,
 * most normal ones connections. With count ≥ 20, two conversations share one time (a tie).
 */
export function realisticInbox(
	seed: number,
	count: number,
	options: RealisticInboxOptions = {},
): SandboxConversation[] {
	const rand = mulberry32(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
	const chance = (p: number): boolean => rand() < p;
	const now = options.now ?? Date.now();
	const account = options.account ?? defaultAccounts()[0];
	const me: Sender = ownerSender(account);
	const fixed: Kind[] = ['incoming', 'sponsored', 'inmail', 'own', 'incoming'];
	const out: SandboxConversation[] = [];
	for (let i = 0; i < count; i++) {
		const r = rand();
		const kind: Kind =
			i < fixed.length
				? fixed[i]
				: r < 0.1
					? 'sponsored'
					: r < 0.18
						? 'inmail'
						: r < 0.4
							? 'own'
							: 'incoming';
		const key = `seed:${seed}:${i}`;
		let participant: Participant;
		if (kind === 'sponsored') {
			const name = pick(COMPANIES);
			participant = {
				name,
				profile_url: companyUrl(name),
				profile_picture: pictureUrl(key, 'company'),
				is_organization: true,
			};
			if (chance(0.5)) participant.headline = 'Sponsored · Promoted by ' + name;
		} else {
			const name = chance(0.04) ? 'LinkedIn Member' : pick(PEOPLE);
			const headline = pick(kind === 'inmail' ? RECRUITER_HEADLINES : HEADLINES);
			participant = {
				name,
				headline,
				profile_url: profileUrl(name, key),
				profile_picture: pictureUrl(key),
			};
			if (chance(0.12) || name === 'LinkedIn Member') delete participant.headline;
			if (chance(0.15) || name === 'LinkedIn Member') participant.profile_picture = '';
			if (chance(0.03)) delete participant.profile_url;
		}
		const { is_organization: _org, ...person } = participant;
		const them: Sender = { ...person, is_me: false };
		const text =
			kind === 'own'
				? pick(OWN)
				: kind === 'inmail'
					? pick(INMAIL)
					: kind === 'sponsored'
						? pick(SPONSORED)(participant.name ?? '')
						: pick(INCOMING);
		const unreadRoll = rand();
		const unread =
			kind === 'own'
				? 0
				: kind === 'incoming'
					? unreadRoll < 0.45
						? 0
						: unreadRoll < 0.75
							? 1
							: unreadRoll < 0.85
								? 2
								: unreadRoll < 0.93
									? 3
									: unreadRoll < 0.98
										? 5
										: 12
					: unreadRoll < 0.6
						? 1
						: 0;
		const ageMs = Math.floor(rand() * 14 * 86_400_000) + 60_000;
		out.push({
			conversation_id: conversationUrn(account.account_id, key),
			participant,
			last_message: { text, time: now - ageMs, sender: kind === 'own' ? { ...me } : them },
			unread,
			type: kind === 'sponsored' ? 'Sponsored' : kind === 'inmail' ? 'inmail' : 'normal',
			connection: (kind === 'incoming' || kind === 'own') && chance(0.85),
			starred: kind !== 'sponsored' && chance(0.15),
		});
	}
	if (count >= 20) out[count - 1].last_message.time = out[count - 2].last_message.time;
	return out;
}
