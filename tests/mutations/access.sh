#!/usr/bin/env bash
# Shows that the access matrix (tests/e2e/access.test.ts) can fail: removes one access check at a
# time, rebuilds, runs the matrix on PGlite and prints how many cells turned red, then restores the
# file. Every line must report failures. `npm run test:mutations` (about 2 minutes).
set -euo pipefail
backup=$(mktemp)
cd "$(dirname "$0")/../.."
run() {
	local file="$1" from="$2" to="$3" name="$4"
	cp "$file" "$backup"
	python3 -c "import sys;p=sys.argv[1];s=open(p).read();assert sys.argv[2] in s, 'pattern';open(p,'w').write(s.replace(sys.argv[2],sys.argv[3],1))" "$file" "$from" "$to"
	run src/lib/server/reports/dashboard.ts "if (user.providerId) services = services.filter((s) => s.provider_id === user.providerId);" "" "dashboard: provider scope removed"
run "src/routes/(staff)/staff/dashboard/targets/+page.server.ts" "const user = requireRole(locals, 'commissioner');
		const form" "const user = locals.staff!.user;
		const form" "targets: commissioner-only check removed"
npm run build >/dev/null 2>&1
	local out; out=$(npx vitest run tests/e2e/access.test.ts 2>&1 | grep -E "Tests " | tail -1 || true)
	echo "$name: $out"
	cp "$backup" "$file"
}
run src/lib/server/staff/children.ts "if (!child || child.provider_id !== providerId || child.erased_at) notFound();" "if (!child || child.erased_at) notFound();" "child: provider check removed"
run "src/routes/(staff)/staff/audit/+page.server.ts" "requireRole(locals, 'administrator');" "" "audit: role check removed"
run src/lib/server/staff/alerts.ts "if (lead && alert.safeguarding_lead_id !== lead) notFound();" "" "alert: lead check removed"
run src/lib/server/staff/invitations.ts "if (!inv || inv.provider_id !== providerId) notFound();" "if (!inv) notFound();" "revoke: provider check removed"
run src/lib/server/staff/users.ts "if (!target || (s.providerId && target.provider_id !== s.providerId)) notFound();" "if (!target) notFound();" "reset link: provider check removed"
run "src/routes/(staff)/staff/children/[id]/+page.server.ts" "const user = requireProvider(locals, 'provider_manager');" "const user = requireProvider(locals);" "erase: manager-only check removed"
run src/lib/server/reports/dashboard.ts "if (user.providerId) services = services.filter((s) => s.provider_id === user.providerId);" "" "dashboard: provider scope removed"
run "src/routes/(staff)/staff/dashboard/targets/+page.server.ts" "const user = requireRole(locals, 'commissioner');
		const form" "const user = locals.staff!.user;
		const form" "targets: commissioner-only check removed"
npm run build >/dev/null 2>&1
