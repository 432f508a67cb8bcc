"""checker: claim-consistency checker for news articles in Chinese and English."""

__version__ = "0.1.0"
