"""File names made from user text."""

from __future__ import annotations

import pytest

from followup_tui.files import file_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Priya Raman", "Priya Raman.vcf"),
        ("Zoë O'Brien, Jr.", "Zoë O'Brien, Jr.vcf"),
        ("Acme [/] Ltd", "Acme Ltd.vcf"),
        ("../../etc/passwd", "etc passwd.vcf"),
        (".bashrc", "bashrc.vcf"),
        ("-rf *", "rf.vcf"),
        ("C:\\Users\\x", "C Users x.vcf"),
        ("Ana\x00\x1b[2J Ruiz", "Ana Ruiz.vcf"),
        ("/", "contact.vcf"),
        ("  ", "contact.vcf"),
    ],
)
def test_a_file_name_from_a_name_has_no_separator_code_or_leading_dot(name, expected):
    assert file_name(name, ".vcf", "contact") == expected


def test_a_long_name_is_cut_within_the_file_systems_255_bytes():
    made = file_name("李" * 300, ".vcf", "contact")
    assert made.endswith(".vcf") and len(made.encode("utf-8")) <= 255
