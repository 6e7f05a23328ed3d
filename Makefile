# mqrest.admin developer entry points. `make test` is what CI runs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# ansible-test needs the checkout at .../ansible_collections/mqrest/admin; we copy the tracked and new
# files there, a copy per suite (sanity, units, each integration group), so suites can run at the same time
# without sharing tests/output. The copies live outside this repository: inside it, git would hide them.
COLL_ROOT := /tmp/mqrest-admin-$(shell echo $(CURDIR) | md5sum | cut -c1-8)
coll = $(COLL_ROOT)-$(1)/ansible_collections/mqrest/admin
copy_collection = rm -rf $(COLL_ROOT)-$(1) && mkdir -p $(call coll,$(1)) && \
	git ls-files -co --exclude-standard | tar -cf - -T - | tar -xf - -C $(call coll,$(1))
ANSIBLE_TEST_PY := 3.11

.PHONY: test check demo emulator uv run-venv matrix matrix-newest bench venv emulator-test acceptance examples-test playbook-test sanity units integration integration-aliases lint build-check awx-test docs molecule clean test-long

# ansible-test installs each sanity test's pinned tools into its own virtualenv. Its pip bootstrap
# is fetched from a host this network cannot reach, so a stand-in that uses ensurepip goes where
# ansible-test caches it, under the name the venv's ansible-test asks for (get_pip_24_2.py in 2.19,
# get_pip_25_2.py in 2.20): tools/install_get_pip_standin.py reads it from the ansible-test source.
# The target is a stamp per checkout, redone when the venv is.
GET_PIP_CACHE := $(HOME)/.ansible/test/cache/.get_pip_standin-$(shell echo $(CURDIR) | md5sum | cut -c1-8)

# uv makes the virtualenvs (.venv, the run-time one, the matrix's): with its package cache warm it installs .venv's
# 119 packages for 12 CPU seconds where pip took 44 (back to back, 2026-12-07). It comes from PyPI like the rest, into
# .tmp/uv; `make test` makes it first (tools/pipeline.py), as the steps that make virtualenvs start side by side.
UV := .tmp/uv/bin/uv
uv: $(UV)
$(UV):
	rm -rf .tmp/uv && $(PYTHON) -m pip install -q --disable-pip-version-check --root-user-action=ignore --target .tmp/uv "uv>=0.9,<1"

# --seed: pip in .venv too, for whoever installs something by hand. --compile-bytecode: pip's default; Python would
# otherwise compile the packages again at each start where PYTHONDONTWRITEBYTECODE is set, as on the CI machine.
venv: $(BIN)/.installed $(GET_PIP_CACHE) $(BIN)/.ansiballz-caches
$(BIN)/.installed: requirements-dev.txt tests/emulator/pyproject.toml | $(UV)
	rm -rf $(VENV) && $(UV) venv -q --seed --python $(PYTHON) $(VENV)
	$(UV) pip install -q --python $(BIN)/python --compile-bytecode -r requirements-dev.txt
	touch $@
# The suites reuse what Ansible builds again for each task and each ansible-playbook run, and Python never caches: the
# bytecode module runs compile from AnsiballZ payloads (a quarter of integration's CPU time) and the payloads'
# contents, which each ansible-playbook process parses its module_utils again to find, and ansible-core's settings and
# routing YAML, parsed at every start (tools/ansiballz_cache). `make demo`'s run-time venv has none of them.
ANSIBALLZ_CACHES := $(addprefix tools/ansiballz_cache/,install.py ansiballz_bytecode_cache.py ansiballz_payload_cache.py \
	ansible_yaml_cache.py)
$(BIN)/.ansiballz-caches: $(ANSIBALLZ_CACHES) $(BIN)/.installed
	$(BIN)/python $< $(CURDIR)/.tmp/ansiballz-cache
	touch $@
$(GET_PIP_CACHE): tools/get_pip_standin.py tools/install_get_pip_standin.py $(BIN)/.installed
	$(BIN)/python tools/install_get_pip_standin.py $@

# `make test` (what CI runs, .ci/run): every suite below, each once. `make check`, the edit-test loop: the emulator
# tests, units, sanity and lint. tools/pipeline.py runs their steps (each a target below, .venv first), two at a
# time where they can, each step's output in .tmp/steps/<step>.log, and ends with a table of each step's wall time,
# also when a step fails. `make <target>` runs one step alone.
test:
	$(PYTHON) tools/pipeline.py test

check:
	$(PYTHON) tools/pipeline.py check

emulator-test: venv
	$(BIN)/python -m pytest tests/emulator -q -n 2 -p no:cacheprovider

# tests/acceptance: raw-HTTP checks written from IBM's documentation, against an in-process emulator, or against
# the queue manager named by MQ_REST_URL (guide_testing.rst). One process, so its summary lists what it observed.
acceptance: venv
	$(BIN)/python -m pytest tests/acceptance -q -p no:cacheprovider

sanity: venv
	$(call copy_collection,sanity)
	cd $(call coll,sanity) && PATH=$(CURDIR)/$(BIN):$$PATH ansible-test sanity --local --python $(ANSIBLE_TEST_PY) --color no

units: venv
	$(call copy_collection,units)
	cd $(call coll,units) && PATH=$(CURDIR)/$(BIN):$$PATH ansible-test units --local --python $(ANSIBLE_TEST_PY) --color no

# The integration targets in groups (shippable/posix/group<N> in each target's aliases), the groups at the same time,
# each in its own collection copy against its own emulator (tools/with_emulator.py): targets of different groups share
# no state, so a target that stops the queue manager or clears the journal only meets the targets of its own group.
# Output is shown per group when it ends, with its time. `make integration-group2` runs one group; `make test` runs each
# group as a step of its own (tools/pipeline.py). A target in no group would never run, so integration-aliases fails
# first (setup_* targets run as the others' dependencies).
INTEGRATION_GROUPS := $(sort $(shell sed -n 's|^shippable/posix/group\([0-9][0-9]*\)$$|\1|p' tests/integration/targets/*/aliases))
integration: venv integration-aliases
	$(MAKE) --no-print-directory -j$(words $(INTEGRATION_GROUPS)) --output-sync=target $(addprefix integration-group,$(INTEGRATION_GROUPS))

integration-aliases:
	@for target in tests/integration/targets/*/; do case $$target in */setup_*/) continue;; esac; \
	  grep -qx 'shippable/posix/group[0-9][0-9]*' $${target}aliases 2>/dev/null || \
	  { echo "integration: $$target is in no group (a line shippable/posix/group<N> in its aliases), so nothing would run it"; exit 1; }; done

integration-group%: venv integration-aliases
	$(call copy_collection,integration$*)
	TIMEFORMAT='integration-group$*: %0R s (CPU %0U s user, %0S s system)'; \
	time PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python tools/with_emulator.py --partner partner.example \
	  --config $(call coll,integration$*)/tests/integration/integration_config.yml -- \
	  bash -c 'cd $(call coll,integration$*) && ansible-test integration --local --python $(ANSIBLE_TEST_PY) --color no shippable/posix/group$*/'

# The support matrix (tools/matrix.py, README's Support matrix): ansible-test sanity and units on every supported
# ansible-core with each of its Pythons, each in its own virtualenv under .tmp/matrix, plus integration on the oldest
# (2.19, Python 3.11) and the newest (2.21, Python 3.13). Needs python3.12 and python3.13 on PATH or under ~/.pyenv.
matrix: | $(UV)
	$(PYTHON) tools/matrix.py

# In `make test`: sanity and units on the newest entry. The oldest, 2.19 on Python 3.11, is .venv itself (sanity,
# units, integration); integration on the newest runs in `make matrix`.
matrix-newest: | $(UV)
	$(PYTHON) tools/matrix.py --only 2.21:3.13 --suites sanity,units

# Every module's EXAMPLES block, read from plugins/modules at test time and run verbatim against the emulator.
examples-test: venv
	$(BIN)/python -m pytest tests/examples -q -n 2 -p no:cacheprovider

# Tests that run ansible-playbook against the in-process emulator (secrets at -vvvv, concurrent writers, the
# qmgr_restart action in a play, the roles' misspelt-variable warnings): once, on .venv. In tests/unit they ran
# again on the newest ansible-core (matrix-newest), about 70 CPU seconds each time.
playbook-test: venv
	$(BIN)/python -m pytest tests/playbooks -q -n 2 -p no:cacheprovider

# The collection is found through a link named like its FQCN; the venv's python runs the modules.
DEV_COLL := .tmp/dev/ansible_collections/mqrest/admin
DEMO_ENV := PATH=$(CURDIR)/$(BIN):$$PATH ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/.tmp/dev ANSIBLE_PYTHON_INTERPRETER=$(CURDIR)/$(BIN)/python \
	ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false

# Made beside it and renamed over it: two steps of `make test` may make it at the same time.
$(DEV_COLL):
	mkdir -p $(dir $@) && ln -sfn $(CURDIR) $@.$$$$ && mv -T $@.$$$$ $@

# What the collection needs at run time, and nothing else (`make demo`, `make emulator`): ansible-core, requests and
# cryptography (the emulator's TLS), in their own virtualenv, so that a fresh clone starts the demo in seconds
# instead of installing the whole dev toolchain. The newest ansible-core this Python can run, within what we support.
# And the emulator itself: the package mqemu, editable from tests/emulator (`python -m mqemu`, tools/serve_emulator.py).
# cryptography below 51: 51 deprecates DSA, and ansible-core (2.19 to 2.21) imports it for its ssh-agent support, so
# every ansible-playbook run would print a CryptographyDeprecationWarning (tests/examples/test_readme.py fails then).
RUN_VENV := .tmp/run-venv
RUN_BIN := $(RUN_VENV)/bin
RUN_PACKAGES := "ansible-core>=2.19,<2.22" "cryptography<51" -r requirements.txt -e tests/emulator
RUN_ENV := PATH=$(CURDIR)/$(RUN_BIN):$$PATH ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/.tmp/dev ANSIBLE_PYTHON_INTERPRETER=$(CURDIR)/$(RUN_BIN)/python \
	ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false

# The stamp names the package list, so that a changed pin reinstalls an existing run-time virtualenv.
RUN_STAMP := $(RUN_BIN)/.installed-$(shell echo '$(RUN_PACKAGES)' | md5sum | cut -c1-8)
run-venv: $(RUN_STAMP)
$(RUN_STAMP): requirements.txt tests/emulator/pyproject.toml | $(UV)
	rm -rf $(RUN_VENV) && $(UV) venv -q --python $(PYTHON) $(RUN_VENV)
	$(UV) pip install -q --python $(RUN_BIN)/python --compile-bytecode $(RUN_PACKAGES)
	touch $@

# Three emulated queue managers connected pairwise (demo/inventory.yml): provision (an idle channel for batch clients held
# STOPPED, which refuses them; the application channel's CHLAUTH and authority records, for the users app and mqm of the
# emulated hosts), attach simulated clients, connect the application's user (accepted) and mqm (refused), roll a
# restart of their objects through them one at a time (each waits for its partners' senders to reconnect), provision
# again (changed=0), then restart the queue managers themselves one at a time (endmqm/strmqm shims), with the
# restart-time table.
demo: run-venv $(DEV_COLL)
	$(RUN_ENV) ANSIBLE_DISPLAY_SKIPPED_HOSTS=false $(RUN_BIN)/python tools/with_emulator.py --qmgrs QM1@qm1,QM2@qm2,QM3@qm3 \
	  --principal app:passw0rd:apps --principal mqm:passw0rd:mqm -- bash -c '\
	  echo "== 1/4 provision: event switches, transmission queues, sender/receiver pairs, a listener, the application channel, its security and a service" && \
	  ansible-playbook -i demo/inventory.yml demo/provision.yml && \
	  python demo/attach_clients.py APP.SVRCONN 5 && \
	  echo "== APP.SVRCONN lets the application user in and refuses an MQ administrator (the default BLOCKUSER record)" && \
	  python demo/connect_client.py APP.SVRCONN app passw0rd && \
	  python demo/connect_client.py APP.SVRCONN mqm passw0rd --refused && \
	  echo "== BATCH.SVRCONN is held STOPPED (state: stopped on an idle channel): its clients are refused with 2537" && \
	  python demo/attach_clients.py BATCH.SVRCONN 1 --refused && \
	  echo "== 2/4 rolling restart, one queue manager at a time; partners reconnect" && \
	  ansible-playbook -i demo/inventory.yml mqrest.admin.rolling_restart -e rolling_restart_confirm=true && \
	  echo "== 3/4 provision again: nothing to do (changed=0)" && \
	  ansible-playbook -i demo/inventory.yml demo/provision.yml && \
	  echo "== 4/4 rolling queue-manager restart (endmqm, strmqm), timed against the restart milestones" && \
	  ansible-playbook -i demo/inventory.yml mqrest.admin.qmgr_restart -e @demo/qmgr_restart_vars.yml'

# The emulator in the foreground, over HTTPS on localhost:$(PORT) with QM1, QM2 and QM3 on hosts qm1, qm2 and qm3, for
# trying the collection by hand: prints the URL, the users, the emulated hosts and how to use its files, in
# .tmp/emulator/$(PORT)/ (CA, inventory, env file), which .tmp/emulator/env and inventory.yml point at once it listens.
# On a busy port it changes nothing. Ctrl-C stops it.
PORT ?= 9443
emulator: run-venv $(DEV_COLL)
	$(RUN_BIN)/python tools/serve_emulator.py --port $(PORT) --collections-path .tmp/dev

# Molecule scenarios under extensions/molecule (provision, rolling_restart, rolling_restart_fault, qmgr_restart,
# qmgr_restart_fault, qmgr_restart_nativeha, qmgr_restart_nativeha_fault, cert_rotation, cert_rotation_fault), each against its
# own emulator (or MQ_REST_URL); shared settings in
# .config/molecule/config.yml. Needs no make step: `cd extensions && molecule test -s provision` works on a fresh clone.
# Here the scenarios run $(MOLECULE_JOBS) at a time, each a `molecule test -s` of its own whose output is shown when it
# ends (`make molecule-provision` runs one). Each has its own emulator on a free port and its own ephemeral directory
# under .tmp/molecule (molecule's default, ~/.ansible/tmp/molecule.<hash of "extensions">.<scenario>, is the same for
# every checkout on the machine). All find the collection in .tmp/dev (.config/molecule/config.yml): the link is made
# here first (the create step's own link task fails if another scenario creates it at the same moment).
MOLECULE_SCENARIOS := $(sort $(notdir $(patsubst %/molecule.yml,%,$(wildcard extensions/molecule/*/molecule.yml))))
MOLECULE_JOBS ?= 2
molecule: venv
	$(MAKE) --no-print-directory -j$(MOLECULE_JOBS) --output-sync=target $(addprefix molecule-,$(MOLECULE_SCENARIOS))

molecule-%: venv $(DEV_COLL)
	cd extensions && TIMEFORMAT='molecule-$*: %0R s (CPU %0U s user, %0S s system)'; \
	time PATH=$(CURDIR)/$(BIN):$$PATH ANSIBLE_PYTHON_INTERPRETER=$(CURDIR)/$(BIN)/python \
	  MOLECULE_EPHEMERAL_DIRECTORY=$(CURDIR)/.tmp/molecule/$* molecule test -s $*

# ansible-lint --offline writes its mock modules (awx.awx.*, .ansible-lint) under ANSIBLE_HOME and deletes them when it
# ends: lint and build-check, side by side in `make test`, each get an ANSIBLE_HOME of their own, or the first to end
# deletes the other's mocks mid-run (build-check once failed "couldn't resolve module/action 'awx.awx.credential_type'").
lint_home = ANSIBLE_HOME=$(CURDIR)/.tmp/ansible-lint-home/$(1)
lint: venv $(DEV_COLL)
	PATH=$(CURDIR)/$(BIN):$$PATH ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/.tmp/dev $(call lint_home,repo) $(BIN)/ansible-lint --offline
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/antsibull-changelog lint

# AWX: the credential type's checks, the EE files through ansible-builder, and the rolling restart run by
# ansible-runner with the connection only in the environment variables the credential type injects.
awx-test: venv
	$(BIN)/python -m pytest tests/awx -q -p no:cacheprovider

# Collection docs as HTML in .tmp/docs/build/html: module and role reference plus docs/docsite guides.
# Any Sphinx warning fails (build.sh runs sphinx-build -W); tools/docs_offline.py removes the network need.
DOCS := .tmp/docs
docs: venv $(DEV_COLL)
	$(DEMO_ENV) $(BIN)/antsibull-docs lint-collection-docs --plugin-docs .
	rm -rf $(DOCS) && mkdir -p $(DOCS)
	$(DEMO_ENV) $(BIN)/antsibull-docs sphinx-init --use-current --fail-on-error --project mqrest.admin --title mqrest.admin \
	  --dest-dir $(DOCS) mqrest.admin > /dev/null
	$(BIN)/python tools/docs_offline.py $(DOCS)
	$(DEMO_ENV) $(DOCS)/build.sh > $(DOCS)/build.log 2>&1 || { cat $(DOCS)/build.log; exit 1; }
	@echo "docs: $(DOCS)/build/html/index.html"

# The built tarball installs and its modules load from the installed copy; it holds the licence and none of the
# editor, cache, secret or dev-only files (also proven on a copy seeded with them); extracted outside this checkout
# (so no repository config applies) it passes ansible-lint --offline, production profile, with the .ansible-lint it
# ships; and galaxy-importer imports it offline (tools/galaxy-importer.cfg) with no warning. That lint is the tarball's
# only one: galaxy-importer's own, a subset of it (some rules skipped), is switched off in tools/galaxy-importer.cfg.
BUILD_LINT := $(COLL_ROOT)-tarball
build-check: venv
	rm -rf .tmp/build && mkdir -p .tmp/build
	$(BIN)/ansible-galaxy collection build --output-path .tmp/build --force
	$(BIN)/ansible-galaxy collection install -p .tmp/build/installed .tmp/build/mqrest-admin-*.tar.gz
	ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/.tmp/build/installed $(BIN)/ansible-doc -t module mqrest.admin.mq_restart > /dev/null
	$(BIN)/python tools/check_tarball.py .tmp/build/mqrest-admin-*.tar.gz
	$(BIN)/python tools/check_tarball.py --decoys
	rm -rf $(BUILD_LINT) && mkdir -p $(BUILD_LINT)/ansible_collections/mqrest/admin
	tar -xzf .tmp/build/mqrest-admin-*.tar.gz -C $(BUILD_LINT)/ansible_collections/mqrest/admin
	cd $(BUILD_LINT)/ansible_collections/mqrest/admin && PATH=$(CURDIR)/$(BIN):$$PATH ANSIBLE_COLLECTIONS_PATH=$(BUILD_LINT) \
	  $(call lint_home,tarball) $(CURDIR)/$(BIN)/ansible-lint --offline --profile production --nocolor
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python tools/galaxy_importer_check.py .tmp/build/mqrest-admin-*.tar.gz
	rm -rf $(BUILD_LINT)
	@echo "build-check: the tarball installs, documents its modules, ships only what users need, lints clean and imports with no warning"

# Slow and load tests, not part of `make test`: 50 hosts (forks 50) restarting objects on 50 emulated queue managers.
test-long: venv $(DEV_COLL)
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python -m pytest tests/long -q -p no:cacheprovider

# Benchmarks against the emulator (docs/docsite/rst/guide_performance.rst): convergence of 300 objects, restarts,
# a rolling restart of 20 queue managers, a 50-sender fan-out start over 3 queue managers, memory and CPU, a drift report and an export of 200 queue managers. Prints one table, writes bench-results.json, asserts
# nothing; takes about 25 minutes on the 2-core machine (tools/bench.py --quick --only 1,3 for a short run).
bench: venv
	$(BIN)/python tools/bench.py

# tools/pipeline.py reads INTEGRATION_GROUPS and MOLECULE_SCENARIOS here, so they are found in one place.
print-%:
	@echo $($*)

clean:
	rm -rf .tmp tests/output
