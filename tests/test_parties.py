"""Parties and roles from invented preambles."""

from __future__ import annotations

import pytest

from extractor.document import Paragraph
from extractor.parties import identify, role_of


def _paras(*texts: str) -> list[Paragraph]:
    return [Paragraph(i, (1,), t) for i, t in enumerate(texts, 1)]


def test_preamble_with_names_and_role_words() -> None:
    p = identify(_paras("SERVICES AGREEMENT",
                        'This Agreement is made by and between Harbor Mutual Insurance Company, a Texas corporation '
                        '("Harbor" or "Customer"), and Northgate Contact Solutions LLC, a Delaware limited liability '
                        'company ("Northgate" or "Supplier").'))
    assert p.provider.name == "Northgate Contact Solutions LLC" and p.provider.terms == ["Northgate", "Supplier"]
    assert p.client.name == "Harbor Mutual Insurance Company" and p.client.terms == ["Harbor", "Customer"]


def test_roles_from_who_provides_and_who_pays() -> None:
    p = identify(_paras('This Agreement is entered into by and between Quillfeather Inc. ("QFI") and Dunmore Corp. ("DMC").',
                        "DMC shall pay the fees within thirty days.", "QFI shall provide the Services described in Exhibit A.",
                        "QFI will perform the Services with due care."))
    assert p.provider.terms == ["QFI"] and p.client.terms == ["DMC"]


def test_hereinafter_and_upper_case_names() -> None:
    p = identify(_paras("BETWEEN", 'ALDER RIDGE LOGISTICS LIMITED (hereinafter referred to as "the Client") and '
                                   'KESTON CALL SERVICES LIMITED (hereinafter referred to as "the Contractor").'))
    assert p.provider.name == "KESTON CALL SERVICES LIMITED" and p.client.name == "ALDER RIDGE LOGISTICS LIMITED"


def test_surer_role_word_wins_when_both_claim_one_role() -> None:
    p = identify(_paras('Between Orbis Systems A.S. (hereinafter "the Company" or "ORBIS") and '
                        'Delta Depo Ltd. (hereinafter "the Client" or "DELTA").'))
    assert "ORBIS" in p.provider.terms and "DELTA" in p.client.terms


def test_label_lines_and_as_role() -> None:
    p = identify(_paras("Party A (Entrusting Party): Lanshan Trading Co., Ltd.  "
                        "Party B (Entrusted Party): Xinyue Service Co., Ltd."))
    assert p.client.terms == ["Party A"] and p.provider.terms == ["Party B"]
    q = identify(_paras("dated 1 May 2025 between MERROW FUNDING LLC, as Issuer, and BRANT TRUST COMPANY, as Paying Agent"))
    assert q.provider.terms == ["Paying Agent"] and q.client.terms == ["Issuer"]


def test_user_names_win() -> None:
    p = identify(_paras("No preamble here."), provider="Acme Calls", client="Bolt Retail")
    assert p.provider.to_dict() == {"name": "Acme Calls", "terms": ["Acme Calls"]}
    assert p.client.mentions() == ["Bolt Retail", "Bolt"]


def test_role_words() -> None:
    assert role_of("the Service Provider") == "provider" and role_of("Customer") == "client" and role_of("Widget") is None


def test_names_lose_leading_and_and_addresses() -> None:
    p = identify(_paras('This Agreement is made by and between Quillfeather Systems Limited, whose registered office is at '
                        '12 Mill Lane, Leeds (hereinafter referred to as "Quillfeather"), and Dunmore Retail Inc., a Delaware '
                        'corporation with offices at 5 Elm Street (hereinafter referred to as "Dunmore").',
                        "Dunmore shall pay Quillfeather the fees.", "Quillfeather shall provide the Services."))
    assert p.provider.name == "Quillfeather Systems Limited" and p.client.name == "Dunmore Retail Inc."


def test_address_only_declaration_keeps_its_term_and_body_decides_role() -> None:
    p = identify(_paras("Between:", 'Suite 4 - 88 Harbour Road, Kelowna (hereinafter referred to as "KLP")', "And:",
                        'Tarn Retouching Limited 9 Quay Street, Cork (hereinafter referred to as "Tarn")',
                        "KLP shall pay Tarn USD 2 per photo.", "Tarn will provide the editing services."))
    assert p.provider.terms == ["Tarn"] and p.client.terms == ["KLP"] and p.client.name is None


TOC = [f"Section {i}.01 Heading number {i} ........ {i + 2}" for i in range(1, 61)]
LAYOUTS = {
    "preamble after a long table of contents": (
        ["ADMINISTRATION AGREEMENT", *TOC,
         'This Administration Agreement is entered into as of March 3, 2025 by and between Pelham Ridge Energy, LLC, an '
         'Ohio limited liability company (the "Company"), and Larchmont Servicing LLC, an Ohio limited liability company '
         '(the "Contractor").'],
        "Larchmont Servicing LLC", "Pelham Ridge Energy, LLC"),
    "parties named without defined terms": (
        ["Support contract concluded between: Vodna Telekom a.s., Hlavna 12, 040 01 Kosice, Slovakia and Brightline "
         "Support Ltd, 4 Mill Lane, Leeds LS1 4AB, United Kingdom.",
         "Brightline Support Ltd will provide the hotline service on working days.",
         "Vodna Telekom a.s. shall pay the annual fee in advance."],
        "Brightline Support Ltd", "Vodna Telekom a.s."),
    "UK parties block without defined terms": (
        ["DATED 2 May 2024",
         "(1) MARLOW DAIRIES LIMITED (company no 01234567) whose registered office is at 1 Vale Road, Reading",
         "(2) TANSY FLEET LIMITED (company no 07654321) whose registered office is at 9 Dock Street, Hull",
         "TANSY shall provide the Maintenance Services to the standard in Schedule 2."],
        "TANSY FLEET LIMITED", "MARLOW DAIRIES LIMITED"),
    "the company, not its representative": (
        ['This Agreement is made between "Kestrel Telecom Holding AG", a company incorporated in Switzerland, legally '
         'represented by its Chief Executive Officer Anna Meier, hereinafter referred to as: "KESTREL"',
         "and",
         "Vireo Mobile B.V., a company incorporated under the laws of the Netherlands, having its registered office at "
         "the Kade 4, 3511 AB Utrecht, the Netherlands, legally and duly represented by its Managing Director Jan Bos "
         'and its Marketing Director, Pieter de Vries, hereinafter referred to as: "VIREO"',
         "VIREO shall provide the hosting services described in Annex 1.", "KESTREL shall pay the monthly fee."],
        "Vireo Mobile B.V.", "Kestrel Telecom Holding AG"),
    "the name right before the defined term": (
        ['Between Larkspur Data, LLC and Hollow Pine THIS SERVICES AGREEMENT ("Agreement") is between Hollow Pine (the '
         '"Company") and Larkspur Data, LLC (the "Contractor").'],
        "Larkspur Data, LLC", "Hollow Pine"),
    "parties on lines of their own; defined information is no party": (
        ["entered into by and between", "HOLLIS DATA SYSTEMS (PTY) LIMITED",
         "a company incorporated in South Africa with offices at 4 Loop Street, Cape Town", "and",
         "KAROO TELECOMS LIMITED", "a company incorporated in South Africa with its head office at 9 Vaal Road, Pretoria",
         'Any information identified as proprietary information of Hollis, whether marked or not ("HOLLIS\'S '
         'PROPRIETARY INFORMATION"), stays with Hollis.',
         "KAROO TELECOMS LIMITED shall pay the licence fee."],
        "HOLLIS DATA SYSTEMS (PTY) LIMITED", "KAROO TELECOMS LIMITED"),
    "a bank with N.A.": (
        ['This Agreement is entered into by and between Harborline Bank, N.A. ("Harborline"), a national banking '
         'association, and the above-named Supplier ("Supplier").', 'Company Name: | Ostrander Services LLC'],
        "Supplier", "Harborline Bank, N.A."),
    "a statutory trust": (
        ['THIS AGREEMENT between Tidewater Income Fund, a Delaware statutory trust ("Client") and Ostrander Services '
         'LLC ("Agent").'],
        "Ostrander Services LLC", "Tidewater Income Fund"),
    "a second party without a company suffix, as reseller": (
        ['Distribution agreement dated 2 June 2025 between QUILLSTONE SOFTWARE CORPORATION, incorporated in Delaware, '
         'of 10 Elm Road, Austin, Texas 78701 ("Quillstone") and BRIGHT HARBOR VENTURES, an Oregon corporation, whose '
         'offices are at 55 Pine Street, Portland, OR 97204 ("Reseller").'],
        "QUILLSTONE SOFTWARE CORPORATION", "BRIGHT HARBOR VENTURES"),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_party_names_in_harder_layouts(layout: str) -> None:
    texts, provider, client = LAYOUTS[layout]
    p = identify(_paras(*texts))
    assert (p.provider.name, p.client.name) == (provider, client)
