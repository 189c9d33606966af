"""`lis eval`: score the engine on a question set and print the figures."""

from bot.evaluation.report import print_eval_report
from bot.evaluation.scoring import evaluate, load_cases

__all__ = ["evaluate", "load_cases", "print_eval_report"]
