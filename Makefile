# mqrest.admin developer entry points. `make test` is what CI runs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# ansible-test needs the checkout at .../ansible_collections/mqrest/admin; we copy the tracked files there.
COLL_ROOT := .tmp/collections
COLL := $(COLL_ROOT)/ansible_collections/mqrest/admin
ANSIBLE_TEST_PY := 3.11

.PHONY: test demo bench venv emulator-test collection-copy sanity units integration clean

venv: $(BIN)/.installed
$(BIN)/.installed: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

test: venv emulator-test sanity units integration
	@echo "make test: all suites passed"

emulator-test: venv
	$(BIN)/python -m pytest tests/emulator -q -n 2 -p no:cacheprovider

collection-copy:
	rm -rf $(COLL) && mkdir -p $(COLL)
	git ls-files -co --exclude-standard | grep -v '^\.tmp/' | tar -cf - -T - | tar -xf - -C $(COLL)

sanity: venv collection-copy
	cd $(COLL) && PATH=$(CURDIR)/$(BIN):$$PATH ansible-test sanity --venv --python $(ANSIBLE_TEST_PY) --color no

units: venv collection-copy
	cd $(COLL) && PATH=$(CURDIR)/$(BIN):$$PATH ansible-test units --local --python $(ANSIBLE_TEST_PY) --color no

integration: venv collection-copy
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python tools/with_emulator.py --config $(COLL)/tests/integration/integration_config.yml -- \
	  bash -c 'cd $(COLL) && ansible-test integration --local --python $(ANSIBLE_TEST_PY) --color no'

demo: venv
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python tools/with_emulator.py --qmgrs QM1 -- \
	  $(BIN)/ansible-playbook -i localhost, playbooks/demo.yml -e ansible_python_interpreter=$(CURDIR)/$(BIN)/python

clean:
	rm -rf .tmp tests/output
