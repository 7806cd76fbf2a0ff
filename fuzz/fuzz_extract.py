"""A coverage-guided fuzz target for ``rasd.extract`` (atheris).

    python fuzz/fuzz_extract.py -max_total_time=60 -rss_limit_mb=2048

Any exception other than the documented ValueError for over-long input, and any span whose
offsets do not give its text, is a finding.
"""

import sys

import atheris

with atheris.instrument_imports(include=["rasd"]):
    import rasd

PUBLISHED = ["2024-03-05", None]
SEEDS = "اعتقلت الشرطة أكثر من 4.2 ألف شخص في ألما آتا منذ 6 يناير (رويترز) المصدر: نوفوستي ٤٢ ﻻ"


def check_spans(obj: object, text: str) -> None:
    if isinstance(obj, dict):
        if {"text", "start", "end"} <= obj.keys():
            if text[obj["start"] : obj["end"]] != obj["text"]:
                raise AssertionError(f"span {obj!r} does not match the text")
        for v in obj.values():
            check_spans(v, text)
    elif isinstance(obj, list):
        for v in obj:
            check_spans(v, text)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    published = PUBLISHED[fdp.ConsumeIntInRange(0, 1)]
    if fdp.ConsumeBool():
        # words of real news recombined: reaches the deeper stages more often than raw bytes
        words = SEEDS.split()
        text = " ".join(words[fdp.ConsumeIntInRange(0, len(words) - 1)] for _ in range(fdp.ConsumeIntInRange(0, 60)))
    else:
        text = fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 3000))
    report = rasd.extract(text, published=published, id="fuzz").to_dict()
    check_spans(report, text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
