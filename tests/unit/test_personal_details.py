"""Personal details pasted into the chat are found by their format and taken out for the model."""
from __future__ import annotations

import pytest

from bot.nlu.personal_details import find_personal_details, mask_personal_details


@pytest.mark.parametrize("text, kinds", [
    ("Kaiser denied my MRI, member ID 12345678, call me at 555-123-4567", ["phone", "id"]),
    ("my email is jo.doe@example.com", ["email"]),
    ("(916) 555-0100 is my cell", ["phone"]),
    ("my id is XEK123456789", ["id"]),
    ("the letter is dated 10/05/2026", []),  # dates are read by the check, not masked
    ("I filed on 2026-10-05", []),
    ("call 1-888-466-2219", []),  # the Help Center's own line is not a personal detail
    ("they denied it 3 weeks ago", []),
])
def test_personal_details_are_found_by_format(text, kinds):
    assert find_personal_details(text) == kinds


def test_masking_takes_the_details_out_and_keeps_the_words():
    masked = mask_personal_details("Kaiser denied my knee surgery, ID 123456789, phone 916-555-0142")
    assert "123456789" not in masked and "916" not in masked
    assert masked.startswith("Kaiser denied my knee surgery")
