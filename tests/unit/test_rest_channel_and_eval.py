"""Request parsing of the REST channel, and how eval cases are judged."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.channels.rest import BadRequest, parse_request
from bot.run.eval_cases import expand, judge, reply_text, run


def test_parse_request_accepts_sender_and_message():
    assert parse_request(b'{"sender": "a", "message": "hi", "metadata": {}}') == {"sender": "a", "message": "hi"}


@pytest.mark.parametrize("body", [b"", b"{", b"[1]", b'{"sender": "a"}', b'{"sender": "", "message": "x"}',
                                  b'{"sender": "a", "message": 3}', b'{"sender": "' + b"a" * 200 + b'", "message": "x"}',
                                  b"\xff\xfe"])
def test_parse_request_rejects_malformed(body):
    with pytest.raises(BadRequest):
        parse_request(body)


def test_sms_senders_are_refused_so_no_other_channel_writes_into_a_text_conversation():
    with pytest.raises(BadRequest):
        parse_request(b'{"sender": "sms:abc", "message": "hi"}')
    with pytest.raises(BadRequest):
        parse_request(b'{"sender": " SMS:abc", "message": "hi"}')


def test_judge_expands_macros_and_checks_must_and_must_not():
    macros = {"HC": r"888\W{0,3}466\W{0,2}2219"}
    case = {"must": ["{HC}", "free"], "must_not": ["60%"]}
    assert judge(case, "It is free. Call 1-888-466-2219.", macros) == []
    assert len(judge(case, "Call 1-888-466-2219. 60% win.", macros)) == 2
    assert expand("{UNKNOWN}", macros) == "{UNKNOWN}"


def test_reply_text_joins_texts_and_button_titles():
    assert reply_text([{"text": "A"}, {"text": "B", "buttons": [{"title": "Yes", "payload": "/x"}]}]) == "A\nB\nYes"


def test_run_scores_a_case_file(tmp_path: Path):
    (tmp_path / "macros.yml").write_text("HC: '466'\n")
    cases = tmp_path / "cases.yml"
    cases.write_text("cases:\n- {id: a, text: hi, must: ['{HC}']}\n- {id: b, text: yo, must: ['nope']}\n")
    outcomes = run(cases, lambda sender, text: [{"text": "call 466"}])
    assert [o.problems == [] for o in outcomes] == [True, False]
