"""SRDI Desk (专精特新申报台): qualification evidence and applications for China's tiered SME titles."""

__version__ = "0.1.0"
