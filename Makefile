# Developer commands (see "The two commands" in README.md); the scripts live in scripts/.
.PHONY: run test stop clean fmt i18n

run:  ## venv + PostgreSQL + database emulation_demo, serve http://localhost:8069
	@bash scripts/run.sh

test:  ## the gate: pre-commit, pip install, the suite once per database, the upgrade
	@bash scripts/test.sh

stop:  ## stop what run/test started (server, private PostgreSQL cluster)
	@bash scripts/stop.sh

clean:  ## stop, then remove .venv, .cache and the private cluster
	@bash scripts/clean.sh

fmt:  ## pre-commit run -a: applies the fixes (prettier, ruff...), lists the rest
	@bash scripts/env.sh >/dev/null && bash scripts/lint.sh

i18n:  ## export i18n/emulation_cluster.pot and merge it into i18n/vi.po
	@bash scripts/i18n.sh
