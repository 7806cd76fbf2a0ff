"""rasd (رصد): Arabic news to structured, evidence-linked event records.

>>> import rasd
>>> report = rasd.extract("تظاهر الآلاف في الخرطوم اليوم", published="2024-05-01")
>>> report.published
'2024-05-01'
"""

from rasd.api import extract
from rasd.doc import Doc, Span, Token
from rasd.report import Report

__all__ = ["extract", "Doc", "Span", "Token", "Report"]
__version__ = "0.1.0"
