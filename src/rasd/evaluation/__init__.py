"""Measuring rasd against gold annotations (the format of shared/corpus/dev/gold.jsonl)."""

from rasd.evaluation.metrics import Scores, score

__all__ = ["Scores", "score"]
